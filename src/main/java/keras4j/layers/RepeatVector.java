package keras4j.layers;

import java.util.Map;
import keras4j.backend.Shapes;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Keras's {@code RepeatVector(n)}: repeats a {@code [batch, features]} input n times, {@code [batch, n, features]}. */
public class RepeatVector extends BaseLayer<RepeatVector> {
  private final int n;

  /** {@code RepeatVector(n)}. */
  public RepeatVector(int n) {
    if (n <= 0) {
      throw new IllegalArgumentException("Expected an integer value for `n` greater than 0, received: n=" + n);
    }
    this.n = n;
    inputSpec(InputSpec.ndim(2));
  }

  public int n() {
    return n;
  }

  @Override
  public long[] computeOutputShape(long[] inputShape) {
    if (inputShape.length != 2) {
      throw new IllegalArgumentException("Layer " + name() + " (RepeatVector) expects a 2-D input [batch, features], "
          + "received shape " + Shapes.format(inputShape));
    }
    return new long[] {inputShape[0], n, inputShape[1]};
  }

  @Override
  protected Operand<TFloat32> call(Ops tf, Operand<TFloat32> x, boolean training) {
    return tf.tile(tf.expandDims(x, tf.constant(1)), tf.constant(new int[] {1, n, 1}));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("n", n);
    return c;
  }

  /** Keras's {@code RepeatVector.from_config}. */
  public static RepeatVector fromConfig(LayerConfig c) {
    return new RepeatVector(c.getInt("n"));
  }
}
