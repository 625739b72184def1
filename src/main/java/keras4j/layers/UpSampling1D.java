package keras4j.layers;

import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Keras's {@code UpSampling1D(size=2)}: repeats each step {@code size} times along the steps axis. */
public class UpSampling1D extends BaseLayer<UpSampling1D> {
  private final int size;

  public UpSampling1D(int size) {
    if (size <= 0) {
      throw new IllegalArgumentException("The `size` argument of UpSampling1D must be a positive integer. Received: " + size);
    }
    this.size = size;
    inputSpec(InputSpec.ndim(3));
  }

  public UpSampling1D() {
    this(2);
  }

  @Override
  public long[] computeOutputShape(long[] s) {
    return new long[] {s[0], s[1] < 0 ? -1 : s[1] * size, s[2]};
  }

  @Override
  protected Operand<TFloat32> call(Ops tf, Operand<TFloat32> input, boolean training) {
    long[] s = input.shape().asArray();
    Operand<TFloat32> x = tf.expandDims(input, tf.constant(2));
    x = tf.tile(x, tf.constant(new int[] {1, 1, size, 1}));
    if (s[1] >= 0) {
      return tf.reshape(x, tf.constant(new long[] {-1, s[1] * size, s[2]}));
    }
    return tf.reshape(x, tf.concat(java.util.List.of(Convolutions.batch(tf, input), tf.constant(new int[] {-1, (int) s[2]})),
        tf.constant(0)));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("size", size);
    return c;
  }

  /** Keras's {@code UpSampling1D.from_config}. */
  public static UpSampling1D fromConfig(LayerConfig c) {
    return new UpSampling1D(c.getInts("size", 1, new int[] {2})[0]);
  }
}
