package keras4j.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import keras4j.backend.KerasVariable;
import keras4j.backend.Shapes;
import keras4j.initializers.Initializer;
import keras4j.initializers.Initializers;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code BatchNormalization(axis=-1, momentum=0.99, epsilon=0.001, center=True, scale=True)}. Training
 * normalises with the batch's statistics and moves the moving mean and (biased) variance as Keras 3 does;
 * inference uses the moving statistics. Weights: gamma, beta, moving_mean, moving_variance.
 */
public class BatchNormalization extends BaseLayer<BatchNormalization> {
  private int axis = -1;
  private double momentum = 0.99;
  private double epsilon = 1e-3;
  private boolean center = true;
  private boolean scale = true;
  private Initializer betaInitializer = Initializers.get("zeros");
  private Initializer gammaInitializer = Initializers.get("ones");
  private Initializer movingMeanInitializer = Initializers.get("zeros");
  private Initializer movingVarianceInitializer = Initializers.get("ones");
  private KerasVariable gamma;
  private KerasVariable beta;
  private KerasVariable movingMean;
  private KerasVariable movingVariance;
  private int rank;
  private int resolvedAxis;

  /** Keras's {@code BatchNormalization()} with Keras's defaults. */
  public BatchNormalization() {}

  /** Keras's {@code axis}. */
  public BatchNormalization axis(int a) {
    checkNotBuilt();
    this.axis = a;
    return this;
  }

  /** Keras's {@code momentum}. */
  public BatchNormalization momentum(double m) {
    checkNotBuilt();
    if (!(m >= 0 && m <= 1)) {
      throw new IllegalArgumentException("BatchNormalization momentum must be in [0, 1], received " + m);
    }
    this.momentum = m;
    return this;
  }

  /** Keras's {@code epsilon}. */
  public BatchNormalization epsilon(double e) {
    checkNotBuilt();
    if (!(e > 0)) {
      throw new IllegalArgumentException("BatchNormalization epsilon must be positive, received " + e);
    }
    this.epsilon = e;
    return this;
  }

  /** Keras's {@code center}: whether there is a beta offset. */
  public BatchNormalization center(boolean c) {
    checkNotBuilt();
    this.center = c;
    return this;
  }

  /** Keras's {@code scale}: whether there is a gamma factor. */
  public BatchNormalization scale(boolean s) {
    checkNotBuilt();
    this.scale = s;
    return this;
  }

  /** Keras's {@code beta_regularizer=}. */
  public BatchNormalization betaRegularizer(keras4j.regularizers.Regularizer r) {
    setWeightRegularizer("beta", r);
    return this;
  }

  /** Keras's {@code gamma_regularizer=}. */
  public BatchNormalization gammaRegularizer(keras4j.regularizers.Regularizer r) {
    setWeightRegularizer("gamma", r);
    return this;
  }

  /** Keras's {@code beta_constraint=}. */
  public BatchNormalization betaConstraint(keras4j.constraints.Constraint c) {
    setWeightConstraint("beta", c);
    return this;
  }

  /** Keras's {@code gamma_constraint=}. */
  public BatchNormalization gammaConstraint(keras4j.constraints.Constraint c) {
    setWeightConstraint("gamma", c);
    return this;
  }

  /** Keras's {@code beta_initializer}, {@code gamma_initializer}, {@code moving_mean_initializer} and {@code moving_variance_initializer}. */
  public BatchNormalization initializers(Initializer beta, Initializer gamma, Initializer movingMean,
      Initializer movingVariance) {
    checkNotBuilt();
    this.betaInitializer = beta;
    this.gammaInitializer = gamma;
    this.movingMeanInitializer = movingMean;
    this.movingVarianceInitializer = movingVariance;
    return this;
  }

  @Override
  protected void build(long[] inputShape) {
    rank = inputShape.length;
    resolvedAxis = axis < 0 ? rank + axis : axis;
    if (resolvedAxis <= 0 || resolvedAxis >= rank) {
      throw new IllegalArgumentException("Invalid axis " + axis + " for BatchNormalization layer " + name()
          + " on input of shape " + Shapes.format(inputShape));
    }
    long c = inputShape[resolvedAxis];
    if (c < 0) {
      throw new IllegalArgumentException("Axis " + axis + " of input tensor should have a defined dimension but the layer "
          + name() + " received an input with shape " + Shapes.format(inputShape));
    }
    long[] shape = {c};
    if (scale) {
      gamma = addWeight("gamma", shape, gammaInitializer, true);
    }
    if (center) {
      beta = addWeight("beta", shape, betaInitializer, true);
    }
    movingMean = addWeight("moving_mean", shape, movingMeanInitializer, false);
    movingVariance = addWeight("moving_variance", shape, movingVarianceInitializer, false);
    inputSpec(InputSpec.ndim(rank).axis(resolvedAxis, c));
  }

  private Operand<TFloat32> broadcastable(Ops tf, Operand<TFloat32> v) {
    if (resolvedAxis == rank - 1) {
      return v;
    }
    long[] shape = new long[rank];
    java.util.Arrays.fill(shape, 1);
    shape[resolvedAxis] = -1;
    return tf.reshape(v, tf.constant(shape));
  }

  @Override
  protected Operand<TFloat32> call(Ops tf, Operand<TFloat32> x, boolean training) {
    Operand<TFloat32> mean;
    Operand<TFloat32> variance;
    List<Op> updates = new ArrayList<>();
    if (training && trainable()) {
      List<Integer> axes = new ArrayList<>();
      for (int i = 0; i < rank; i++) {
        if (i != resolvedAxis) {
          axes.add(i);
        }
      }
      int[] ax = axes.stream().mapToInt(Integer::intValue).toArray();
      Operand<TFloat32> m = tf.math.mean(x, tf.constant(ax), org.tensorflow.op.math.Mean.keepDims(true));
      Operand<TFloat32> v = tf.math.mean(tf.math.squaredDifference(x, tf.stopGradient(m)), tf.constant(ax),
          org.tensorflow.op.math.Mean.keepDims(true));
      Operand<TFloat32> mFlat = tf.reshape(m, tf.constant(new long[] {-1}));
      Operand<TFloat32> vFlat = tf.reshape(v, tf.constant(new long[] {-1}));
      Operand<TFloat32> decay = tf.constant((float) (1 - momentum));
      updates.add(tf.assignSub(movingMean.ref(), tf.math.mul(tf.math.sub(movingMean.value(), tf.stopGradient(mFlat)), decay)));
      updates.add(tf.assignSub(movingVariance.ref(),
          tf.math.mul(tf.math.sub(movingVariance.value(), tf.stopGradient(vFlat)), decay)));
      mean = broadcastable(tf, mFlat);
      variance = broadcastable(tf, vFlat);
    } else {
      mean = broadcastable(tf, movingMean.value());
      variance = broadcastable(tf, movingVariance.value());
    }
    Operand<TFloat32> inv = tf.math.rsqrt(tf.math.add(variance, tf.constant((float) epsilon)));
    if (scale) {
      inv = tf.math.mul(inv, broadcastable(tf, gamma.value()));
    }
    Operand<TFloat32> offset = tf.math.neg(tf.math.mul(mean, inv));
    if (center) {
      offset = tf.math.add(offset, broadcastable(tf, beta.value()));
    }
    Operand<TFloat32> y = tf.math.add(tf.math.mul(x, inv), offset);
    return updates.isEmpty() ? y : tf.withControlDependencies(updates).identity(y);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("axis", rank > 0 ? List.of(resolvedAxis) : axis);
    c.put("momentum", momentum);
    c.put("epsilon", epsilon);
    c.put("center", center);
    c.put("scale", scale);
    c.put("beta_initializer", Initializers.serialize(betaInitializer));
    c.put("gamma_initializer", Initializers.serialize(gammaInitializer));
    c.put("moving_mean_initializer", Initializers.serialize(movingMeanInitializer));
    c.put("moving_variance_initializer", Initializers.serialize(movingVarianceInitializer));
    putWeightRegularizerConfig(c, "beta", "gamma");
    return c;
  }

  /** Keras's {@code BatchNormalization.from_config}; {@code axis} may be an int or a one-element list. */
  public static BatchNormalization fromConfig(LayerConfig c) {
    BatchNormalization bn = new BatchNormalization();
    bn.readRegularizerConfig(c, "beta", "gamma");
    Object axis = c.map().get("axis");
    if (axis instanceof java.util.List<?> l) {
      if (l.size() != 1) {
        throw new IllegalArgumentException("Layer '" + c.layerName() + "' normalises over axes " + l
            + "; keras4j supports one axis");
      }
      bn.axis(((Number) l.get(0)).intValue());
    } else if (axis != null) {
      bn.axis(c.getInt("axis"));
    }
    return bn.momentum(c.getDouble("momentum", 0.99)).epsilon(c.getDouble("epsilon", 1e-3))
        .center(c.getBool("center", true)).scale(c.getBool("scale", true))
        .initializers(c.getInitializer("beta_initializer", "zeros"), c.getInitializer("gamma_initializer", "ones"),
            c.getInitializer("moving_mean_initializer", "zeros"), c.getInitializer("moving_variance_initializer", "ones"));
  }
}
