package keras4j.layers;

import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Keras's {@code BaseSpatialDropout}: dropout of whole channels (one draw per sample and channel, shared by every
 * step or pixel) while training.
 */
public abstract class BaseSpatialDropout<T extends BaseSpatialDropout<T>> extends BaseNoise<T> {
  protected final int rank;
  protected DataFormat dataFormat = DataFormat.CHANNELS_LAST;

  protected BaseSpatialDropout(int rank, double rate) {
    super("rate", rate);
    this.rank = rank;
    inputSpec(InputSpec.ndim(rank + 2));
  }

  public double rate() {
    return amount;
  }

  @Override
  protected Operand<TFloat32> noisy(Ops tf, Operand<TFloat32> x) {
    int n = rank + 2;
    int channel = dataFormat == DataFormat.CHANNELS_LAST ? n - 1 : 1;
    Operand<TInt32> shape = tf.shape(x);
    int[] keep = new int[n];
    keep[0] = 1;
    keep[channel] = 1;
    Operand<TInt32> noiseShape = tf.math.maximum(tf.math.mul(shape, tf.constant(keep)), tf.constant(1));
    return dropout(tf, x, noiseShape);
  }

  /**
   * Keras 3's config: rate, seed, name and dtype only (its constructor takes no {@code trainable}, so writing one
   * would make Keras refuse the file).
   */
  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = config("rate");
    c.remove("trainable");
    return c;
  }
}
