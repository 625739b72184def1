package keras4j.utils;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * One batch as Keras's data adapters see it: the tuple {@code (inputs, targets)} that
 * {@code PyDataset.__getitem__} or a generator returns. An autoencoder's batch may pass the same array as input
 * and target ({@code Batch.of(x, x)}); it is then copied to TensorFlow once.
 */
public final class Batch {
  private final List<FloatNdArray> x;
  private final List<FloatNdArray> y;

  private Batch(List<FloatNdArray> x, List<FloatNdArray> y) {
    if (x == null || x.isEmpty() || x.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException("A batch needs at least one input array, received " + x);
    }
    if (y != null && (y.isEmpty() || y.stream().anyMatch(Objects::isNull))) {
      throw new IllegalArgumentException("A batch's targets must be arrays, received " + y);
    }
    this.x = Collections.unmodifiableList(new ArrayList<>(x));
    this.y = y == null ? null : Collections.unmodifiableList(new ArrayList<>(y));
  }

  /** {@code (x,)}: inputs only, for {@code predict}. */
  public static Batch of(FloatNdArray x) {
    return new Batch(java.util.Collections.singletonList(x), null);
  }

  /** {@code (x, y)}. */
  public static Batch of(FloatNdArray x, FloatNdArray y) {
    return new Batch(java.util.Collections.singletonList(x), y == null ? null : java.util.Collections.singletonList(y));
  }

  /** {@code ([x0, x1, ...], [y0, ...])} for several inputs or outputs; {@code y} may be null. */
  public static Batch of(List<FloatNdArray> x, List<FloatNdArray> y) {
    return new Batch(x, y);
  }

  /** The input arrays. */
  public List<FloatNdArray> x() {
    return x;
  }

  /** The target arrays, or null when the batch has none. */
  public List<FloatNdArray> y() {
    return y;
  }

  /** The number of samples (first dimension of the first input). */
  public long size() {
    return x.get(0).rank() == 0 ? 0 : x.get(0).shape().size(0);
  }
}
