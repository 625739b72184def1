package keras4j.layers;

import java.util.Map;
import keras4j.backend.KerasVariable;
import keras4j.initializers.Initializer;
import keras4j.initializers.Initializers;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The shared part of Keras's {@code LayerNormalization} and {@code GroupNormalization}: epsilon, {@code center}
 * (beta), {@code scale} (gamma), their initializers, and the normalization {@code x * inv + (beta - mean * inv)}
 * with {@code inv = gamma / sqrt(variance + epsilon)} as Keras computes it.
 */
public abstract class BaseNormalization<T extends BaseNormalization<T>> extends BaseLayer<T> {
  protected double epsilon = 1e-3;
  protected boolean center = true;
  protected boolean scale = true;
  protected Initializer betaInitializer = Initializers.get("zeros");
  protected Initializer gammaInitializer = Initializers.get("ones");
  protected KerasVariable gamma;
  protected KerasVariable beta;

  @SuppressWarnings("unchecked")
  private T self() {
    return (T) this;
  }

  /** Keras's {@code epsilon}. */
  public T epsilon(double e) {
    checkNotBuilt();
    this.epsilon = e;
    return self();
  }

  /** Keras's {@code center}: add the learned offset beta. */
  public T center(boolean c) {
    checkNotBuilt();
    this.center = c;
    return self();
  }

  /** Keras's {@code scale}: multiply by the learned gamma. */
  public T scale(boolean s) {
    checkNotBuilt();
    this.scale = s;
    return self();
  }

  public T betaInitializer(String name) {
    checkNotBuilt();
    this.betaInitializer = Initializers.get(name);
    return self();
  }

  public T gammaInitializer(String name) {
    checkNotBuilt();
    this.gammaInitializer = Initializers.get(name);
    return self();
  }

  /** Keras's {@code beta_regularizer=}. */
  public T betaRegularizer(keras4j.regularizers.Regularizer r) {
    setWeightRegularizer("beta", r);
    return self();
  }

  /** Keras's {@code gamma_regularizer=}. */
  public T gammaRegularizer(keras4j.regularizers.Regularizer r) {
    setWeightRegularizer("gamma", r);
    return self();
  }

  /** Keras's {@code beta_constraint=}. */
  public T betaConstraint(keras4j.constraints.Constraint c) {
    setWeightConstraint("beta", c);
    return self();
  }

  /** Keras's {@code gamma_constraint=}. */
  public T gammaConstraint(keras4j.constraints.Constraint c) {
    setWeightConstraint("gamma", c);
    return self();
  }

  /** Creates gamma then beta, as Keras does. */
  protected void createWeights(long[] shape) {
    createWeights(shape, center);
  }

  /** Creates gamma (if {@code scale}) then beta (if {@code withBeta}). */
  protected void createWeights(long[] shape, boolean withBeta) {
    if (scale) {
      gamma = addWeight("gamma", shape, gammaInitializer, true);
    }
    if (withBeta) {
      beta = addWeight("beta", shape, betaInitializer, true);
    }
  }

  /** Normalizes {@code x} over {@code axes} with gamma and beta reshaped to {@code paramShape}. */
  protected Operand<TFloat32> normalize(Ops tf, Operand<TFloat32> x, Operand<TInt32> axes, long[] paramShape) {
    Operand<TFloat32> mean = tf.math.mean(x, axes, org.tensorflow.op.math.Mean.keepDims(true));
    Operand<TFloat32> variance = tf.math.mean(tf.math.squaredDifference(x, tf.stopGradient(mean)), axes,
        org.tensorflow.op.math.Mean.keepDims(true));
    Operand<TFloat32> inv = tf.math.rsqrt(tf.math.add(variance, tf.constant((float) epsilon)));
    if (scale) {
      inv = tf.math.mul(inv, tf.reshape(gamma.value(), tf.constant(paramShape)));
    }
    Operand<TFloat32> res = tf.math.neg(tf.math.mul(mean, inv));
    if (center) {
      res = tf.math.add(res, tf.reshape(beta.value(), tf.constant(paramShape)));
    }
    return tf.math.add(tf.math.mul(x, inv), res);
  }

  /** The shared config entries, in Keras's order after the layer's own. */
  protected void putShared(Map<String, Object> c) {
    c.put("epsilon", epsilon);
    c.put("center", center);
    c.put("scale", scale);
  }

  protected void putInitializers(Map<String, Object> c) {
    c.put("beta_initializer", Initializers.serialize(betaInitializer));
    c.put("gamma_initializer", Initializers.serialize(gammaInitializer));
    putWeightRegularizerConfig(c, "beta", "gamma");
  }

  /** Applies the shared options of a Keras config. */
  protected T configure(LayerConfig c) {
    readRegularizerConfig(c, "beta", "gamma");
    epsilon(c.getDouble("epsilon", 1e-3));
    center(c.getBool("center", true));
    scale(c.getBool("scale", true));
    checkNotBuilt();
    betaInitializer = c.getInitializer("beta_initializer", "zeros");
    gammaInitializer = c.getInitializer("gamma_initializer", "ones");
    return self();
  }

  /** Axis indices of a config entry: an int or a list of ints. */
  static int[] axesOf(LayerConfig c, String key, int dflt) {
    Object v = c.map().get(key);
    if (v == null) {
      return new int[] {dflt};
    }
    if (v instanceof Number n) {
      return new int[] {n.intValue()};
    }
    if (v instanceof java.util.List<?> l && !l.isEmpty() && l.stream().allMatch(e -> e instanceof Number)) {
      return l.stream().mapToInt(e -> ((Number) e).intValue()).toArray();
    }
    throw new IllegalArgumentException("Layer '" + c.layerName() + "' (" + c.className() + "): config key '" + key
        + "' expected an integer or a list of integers, received " + v);
  }

  /** Axes as non-negative indices for a tensor of this rank, sorted; Keras's message when out of bounds. */
  static int[] resolve(int[] axes, long[] shape) {
    int n = shape.length;
    int[] out = new int[axes.length];
    for (int i = 0; i < axes.length; i++) {
      if (axes[i] >= n || axes[i] < -n) {
        throw new IllegalArgumentException("Axis " + axes[i] + " is out of bounds for input shape "
            + keras4j.backend.Shapes.format(shape) + ". Received: axis=" + java.util.Arrays.toString(axes));
      }
      out[i] = axes[i] < 0 ? axes[i] + n : axes[i];
    }
    java.util.Arrays.sort(out);
    return out;
  }

  /** The config value of axes: an int when there is one, else a list. */
  static Object axesConfig(int[] axes) {
    if (axes.length == 1) {
      return axes[0];
    }
    java.util.List<Integer> l = new java.util.ArrayList<>();
    for (int a : axes) {
      l.add(a);
    }
    return l;
  }
}
