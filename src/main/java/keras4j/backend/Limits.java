package keras4j.backend;

/**
 * Sizes checked before TensorFlow sees them. TensorFlow aborts the process (a native CHECK in tensor_shape.cc) when
 * a shape's element count overflows 64 bits, so every weight, placeholder and layer output shape is checked here
 * first, and a weight may not exceed what one Java array holds ({@code keras4j.maxWeightElements}, default
 * 2^31 - 9 elements). Failures are {@link IllegalArgumentException}s naming the tensor and the shape.
 */
public final class Limits {
  /** The largest weight, in elements: a Java float array's limit unless lowered by {@code keras4j.maxWeightElements}. */
  public static final long MAX_WEIGHT_ELEMENTS = Long.getLong("keras4j.maxWeightElements", Integer.MAX_VALUE - 8L);

  private Limits() {}

  /**
   * The number of elements of {@code shape} over its known dimensions ({@code -1} is unknown); throws when a
   * dimension is invalid or the product overflows 64 bits.
   */
  public static long elements(String what, long[] shape) {
    if (shape == null) {
      return -1;
    }
    long n = 1;
    for (long d : shape) {
      if (d < -1) {
        throw new IllegalArgumentException(what + " has an invalid dimension " + d + " in shape " + Shapes.format(shape));
      }
      if (d >= 0) {
        try {
          n = Math.multiplyExact(n, d);
        } catch (ArithmeticException e) {
          throw new IllegalArgumentException(what + " has shape " + Shapes.format(shape)
              + ", whose number of elements overflows a 64-bit count");
        }
      }
    }
    return n;
  }

  /** Checks a weight's shape: fully known, no overflow, at most {@link #MAX_WEIGHT_ELEMENTS} elements. */
  public static long weight(String what, long[] shape) {
    if (shape == null) {
      throw new IllegalArgumentException(what + " needs a known shape");
    }
    for (long d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException(what + " needs a fully known shape, received " + Shapes.format(shape));
      }
    }
    long n = elements(what, shape);
    if (n > MAX_WEIGHT_ELEMENTS) {
      throw new IllegalArgumentException(what + " has shape " + Shapes.format(shape) + " = " + n
          + " elements, more than the limit of " + MAX_WEIGHT_ELEMENTS + " (keras4j.maxWeightElements)");
    }
    return n;
  }
}
