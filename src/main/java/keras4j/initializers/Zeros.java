package keras4j.initializers;

/** Keras's {@code zeros}, the default bias initializer. */
public class Zeros extends Constant {
  /** Keras's {@code Zeros()}. */
  public Zeros() {
    super(0);
  }
}
