package keras4j.initializers;

/** Keras's {@code ones}. */
public class Ones extends Constant {
  /** Keras's {@code Ones()}. */
  public Ones() {
    super(1);
  }
}
