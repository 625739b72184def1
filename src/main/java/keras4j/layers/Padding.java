package keras4j.layers;

/** Keras's {@code padding} option of convolution and pooling layers. */
public enum Padding {
  /** Keras's {@code padding='valid'}: no padding. */
  VALID,
  /** Keras's {@code padding='same'}: output size input / stride, rounded up. */
  SAME,
  /** Conv1D's left padding by {@code dilation * (kernel - 1)}: output t depends on inputs up to t only. */
  CAUSAL;

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

  /** Parses Keras's option string where "causal" is allowed too (Conv1D). */
  public static Padding ofCausal(String s) {
    if (s != null && s.equalsIgnoreCase("causal")) {
      return CAUSAL;
    }
    if (s != null && (s.equalsIgnoreCase("valid") || s.equalsIgnoreCase("same"))) {
      return of(s);
    }
    throw new IllegalArgumentException("The `padding` argument must be a list/tuple or one of \"valid\", \"same\" (or \"causal\", only for `Conv1D). Received: " + s);
  }

  /** TensorFlow's spelling. */
  public String tf() {
    return this == CAUSAL ? "VALID" : name();
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
    long len = this == VALID ? in - k + 1 : in;
    return len <= 0 ? 0 : (len + stride - 1) / stride;
  }
}
