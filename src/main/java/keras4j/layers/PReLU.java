package keras4j.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import keras4j.backend.KerasVariable;
import keras4j.initializers.Initializer;
import keras4j.initializers.Initializers;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code PReLU(alpha_initializer='Zeros', shared_axes=None)}: {@code relu(x) - alpha * relu(-x)} with a
 * learned {@code alpha} per input element, shared along {@code shared_axes}.
 */
public class PReLU extends BaseLayer<PReLU> {
  private Initializer alphaInitializer = Initializers.get("zeros");
  private int[] sharedAxes;
  private KerasVariable alpha;

  public PReLU() {}

  /** Keras's {@code shared_axes} (1-based, the batch axis is 0). */
  public PReLU sharedAxes(int... axes) {
    checkNotBuilt();
    for (int a : axes) {
      if (a < 1) {
        throw new IllegalArgumentException("PReLU shared_axes must be positive axis indices (the batch axis 0 cannot be shared), received "
            + java.util.Arrays.toString(axes));
      }
    }
    this.sharedAxes = axes.length == 0 ? null : axes.clone();
    return this;
  }

  public PReLU alphaInitializer(String name) {
    return alphaInitializer(Initializers.get(name));
  }

  public PReLU alphaInitializer(Initializer init) {
    checkNotBuilt();
    this.alphaInitializer = init;
    return this;
  }

  /** Keras's {@code alpha_regularizer=}. */
  public PReLU alphaRegularizer(keras4j.regularizers.Regularizer r) {
    setWeightRegularizer("alpha", r);
    return this;
  }

  /** Keras's {@code alpha_constraint=}. */
  public PReLU alphaConstraint(keras4j.constraints.Constraint c) {
    setWeightConstraint("alpha", c);
    return this;
  }

  @Override
  protected void build(long[] inputShape) {
    long[] param = java.util.Arrays.copyOfRange(inputShape, 1, inputShape.length);
    if (sharedAxes != null) {
      for (int a : sharedAxes) {
        if (a >= inputShape.length) {
          throw new IllegalArgumentException("PReLU " + name() + ": shared axis " + a + " is out of bounds for input shape "
              + keras4j.backend.Shapes.format(inputShape));
        }
        param[a - 1] = 1;
      }
    }
    for (long d : param) {
      if (d < 0) {
        throw new IllegalArgumentException("PReLU " + name() + " needs defined dimensions (or shared_axes over the undefined ones); input shape "
            + keras4j.backend.Shapes.format(inputShape));
      }
    }
    alpha = addWeight("alpha", param, alphaInitializer, true);
  }

  @Override
  protected Operand<TFloat32> call(Ops tf, Operand<TFloat32> x, boolean training) {
    Operand<TFloat32> pos = tf.nn.relu(x);
    Operand<TFloat32> neg = tf.math.mul(tf.math.neg(alpha.value()), tf.nn.relu(tf.math.neg(x)));
    return tf.math.add(pos, neg);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("alpha_initializer", Initializers.serialize(alphaInitializer));
    putWeightRegularizerConfig(c, "alpha");
    List<Integer> s = null;
    if (sharedAxes != null) {
      s = new ArrayList<>();
      for (int a : sharedAxes) {
        s.add(a);
      }
    }
    c.put("shared_axes", s);
    return c;
  }

  /** Keras's {@code PReLU.from_config}. */
  public static PReLU fromConfig(LayerConfig c) {
    PReLU p = new PReLU().alphaInitializer(c.getInitializer("alpha_initializer", "zeros"));
    p.readRegularizerConfig(c, "alpha");
    if (c.has("shared_axes")) {
      Object v = c.map().get("shared_axes");
      p.sharedAxes(v instanceof Number n ? new int[] {n.intValue()} : BaseNormalization.axesOf(c, "shared_axes", 1));
    }
    return p;
  }
}
