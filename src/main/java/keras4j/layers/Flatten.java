package keras4j.layers;

import java.util.Map;
import keras4j.backend.Shapes;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Keras's {@code Flatten()}: keeps the batch axis and flattens the rest (channels-last order). */
public class Flatten extends BaseLayer<Flatten> {
  private DataFormat dataFormat = DataFormat.CHANNELS_LAST;

  /** Keras's {@code Flatten()}. */
  public Flatten() {
    inputSpec(InputSpec.minNdim(1));
  }

  /** Keras's {@code data_format}. */
  public Flatten dataFormat(String f) {
    checkNotBuilt();
    this.dataFormat = DataFormat.of(f);
    return this;
  }

  @Override
  public long[] computeOutputShape(long[] inputShape) {
    long n = inputShape.length == 1 ? 1 : Shapes.product(inputShape, 1);
    return new long[] {inputShape[0], n};
  }

  @Override
  protected Operand<TFloat32> call(Ops tf, Operand<TFloat32> input, boolean training) {
    Operand<TFloat32> x = input;
    int rank = x.shape().numDimensions();
    if (dataFormat == DataFormat.CHANNELS_FIRST && rank > 2) {
      int[] perm = new int[rank];
      perm[0] = 0;
      for (int i = 1; i < rank - 1; i++) {
        perm[i] = i + 1;
      }
      perm[rank - 1] = 1;
      x = tf.linalg.transpose(x, tf.constant(perm));
    }
    long n = computeOutputShape(x.shape().asArray())[1];
    return tf.reshape(x, tf.constant(new long[] {-1, n}));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("data_format", dataFormat.keras());
    return c;
  }

  /** Keras's {@code Flatten.from_config}. */
  public static Flatten fromConfig(LayerConfig c) {
    return new Flatten().dataFormat(c.getString("data_format", "channels_last"));
  }
}
