package keras4j.backend;

/** Keras's {@code keras.backend}: session lifetime, seeds, the fuzz factor and the compatibility mode. */
public final class Backend {
  private static volatile Compatibility compatibility = Compatibility.KERAS_3;

  private Backend() {}

  /** Keras's {@code clear_session()}: closes the graph and session, and resets auto-generated names. */
  public static void clearSession() {
    Context.clear();
  }

  /** Keras's {@code utils.set_random_seed}: weight initialisation, shuffling and dropout become reproducible. */
  public static void setRandomSeed(long seed) {
    Context.seed(seed);
  }

  /** Keras's {@code backend.epsilon()}: 1e-7. */
  public static float epsilon() {
    return 1e-7f;
  }

  /** The Keras generation whose defaults apply ({@link Compatibility#KERAS_3} unless set). */
  public static Compatibility compatibility() {
    return compatibility;
  }

  /** Chooses which Keras generation's defaults new objects follow (names, Adadelta rate, hard_sigmoid). */
  public static void setCompatibility(Compatibility c) {
    compatibility = c;
  }

  /** The current backend context (graph and session), created on first use; {@code clear_session()} replaces it. */
  public static Context context() {
    return Context.current();
  }
}
