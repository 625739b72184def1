package keras4j.layers;

import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Keras's {@code Softmax(axis=-1)}. */
public class Softmax extends BaseLayer<Softmax> {
  private final int axis;

  /** Keras's {@code Softmax()}: along the last axis. */
  public Softmax() {
    this(-1);
  }

  /** Keras's {@code Softmax(axis)}. */
  public Softmax(int axis) {
    this.axis = axis;
  }

  @Override
  protected Operand<TFloat32> call(Ops tf, Operand<TFloat32> x, boolean training) {
    int rank = x.shape().numDimensions();
    int a = axis < 0 ? rank + axis : axis;
    if (a == rank - 1) {
      return tf.nn.softmax(x);
    }
    Operand<TFloat32> shifted = tf.math.sub(x, tf.max(x, tf.constant(a), org.tensorflow.op.core.Max.keepDims(true)));
    Operand<TFloat32> e = tf.math.exp(shifted);
    return tf.math.div(e, tf.sum(e, tf.constant(a), org.tensorflow.op.core.Sum.keepDims(true)));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("axis", axis);
    return c;
  }

  /** Keras's {@code Softmax.from_config}. */
  public static Softmax fromConfig(LayerConfig c) {
    return new Softmax(c.getInt("axis", -1));
  }
}
