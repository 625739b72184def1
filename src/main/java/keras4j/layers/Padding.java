package keras4j.layers;

/** Keras's {@code padding} option of convolution and pooling layers. */
public enum Padding {
  /** Keras's {@code padding='valid'}: no padding. */
  VALID,
  /** Keras's {@code padding='same'}: output size input / stride, rounded up. */
  SAME;

  /** Parses Keras's option string ("valid", "same"), case-insensitively as Keras does. */
  public static Padding of(String s) {
    if (s != null) {
      switch (s.toLowerCase()) {
        case "valid": return VALID;
        case "same": return SAME;
        default: break;
      }
    }
    throw new IllegalArgumentException("Unknown padding '" + s + "': expected 'valid' or 'same'");
  }

  /** TensorFlow's spelling. */
  public String tf() {
    return name();
  }

  /** Keras's spelling ({@code valid}, {@code same}). */
  public String keras() {
    return name().toLowerCase();
  }

  /** Keras's {@code conv_output_length}. */
  public long outputLength(long in, long kernel, long stride, long dilation) {
    if (in < 0) {
      return -1;
    }
    long k = (kernel - 1) * dilation + 1;
    long len = this == SAME ? in : in - k + 1;
    return len <= 0 ? 0 : (len + stride - 1) / stride;
  }
}
