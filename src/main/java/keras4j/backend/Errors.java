package keras4j.backend;


/** Turns TensorFlow's native errors into exceptions that say what went wrong, without native stack dumps. */
public final class Errors {
  private Errors() {}

  /** True for TensorFlow's own exception types. */
  public static boolean isTensorFlow(RuntimeException e) {
    return e.getClass().getPackageName().equals("org.tensorflow.exceptions");
  }

  /** TensorFlow's exception turned into keras4j's unchecked error with a readable message. */
  public static RuntimeException fromTensorFlow(RuntimeException e) {
    String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int cut = msg.indexOf("\n\t [[");
    if (cut > 0) {
      msg = msg.substring(0, cut);
    }
    if (e instanceof org.tensorflow.exceptions.TFInvalidArgumentException) {
      return new IllegalArgumentException("TensorFlow rejected the computation: " + msg.trim(), e);
    }
    if (e instanceof org.tensorflow.exceptions.TFResourceExhaustedException) {
      return new IllegalStateException("Out of memory in TensorFlow: " + msg.trim(), e);
    }
    return new IllegalStateException("TensorFlow error: " + msg.trim(), e);
  }
}
