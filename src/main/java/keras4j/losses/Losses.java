package keras4j.losses;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/** Keras's {@code keras.losses.get(name)}: losses by function name, alias or class name. */
public final class Losses {
  private static final Map<String, Supplier<Loss>> BY_NAME = java.util.Collections.synchronizedMap(new TreeMap<>());

  static {
    BY_NAME.put("binary_crossentropy", BinaryCrossentropy::new);
    BY_NAME.put("BinaryCrossentropy", BinaryCrossentropy::new);
    BY_NAME.put("mean_squared_error", MeanSquaredError::new);
    BY_NAME.put("mse", MeanSquaredError::new);
    BY_NAME.put("MeanSquaredError", MeanSquaredError::new);
    BY_NAME.put("mean_absolute_error", MeanAbsoluteError::new);
    BY_NAME.put("mae", MeanAbsoluteError::new);
    BY_NAME.put("MeanAbsoluteError", MeanAbsoluteError::new);
    BY_NAME.put("categorical_crossentropy", CategoricalCrossentropy::new);
    BY_NAME.put("CategoricalCrossentropy", CategoricalCrossentropy::new);
    BY_NAME.put("sparse_categorical_crossentropy", SparseCategoricalCrossentropy::new);
    BY_NAME.put("SparseCategoricalCrossentropy", SparseCategoricalCrossentropy::new);
  }

  private static final Map<LossFunction, String> NAMES = new java.util.IdentityHashMap<>();

  private Losses() {}

  /**
   * Keras's {@code register_keras_serializable} / {@code custom_objects} for a loss function: models compiled with
   * it save its name and load compiled. Returns the function.
   */
  public static synchronized LossFunction register(String name, LossFunction fn) {
    if (name == null || name.isBlank() || fn == null) {
      throw new IllegalArgumentException("register needs a loss name and a function");
    }
    BY_NAME.put(name, () -> new LossFunctionWrapper(fn, name));
    NAMES.put(fn, name);
    return fn;
  }

  /** Keras's function {@code keras.losses.binary_crossentropy(y_true, y_pred)}: per-sample values (mean over the last axis). */
  public static org.tensorflow.Operand<org.tensorflow.types.TFloat32> binaryCrossentropy(org.tensorflow.op.Ops tf,
      org.tensorflow.Operand<org.tensorflow.types.TFloat32> yTrue,
      org.tensorflow.Operand<org.tensorflow.types.TFloat32> yPred) {
    return new BinaryCrossentropy().call(tf, yTrue, yPred);
  }

  /** A loss function as {@code compile} takes it: its registered name if it has one. */
  public static synchronized Loss wrap(LossFunction fn) {
    return new LossFunctionWrapper(fn, NAMES.get(fn));
  }

  /** Registers a {@link Loss} class by its Keras class or function name. */
  public static synchronized void register(String name, Supplier<Loss> factory) {
    if (name == null || name.isBlank() || factory == null) {
      throw new IllegalArgumentException("register needs a loss name and a factory");
    }
    BY_NAME.put(name, factory);
  }

  /** Keras's {@code keras.losses.get(name)}. */
  public static Loss get(String name) {
    Supplier<Loss> s = name == null ? null : BY_NAME.get(name);
    if (s == null) {
      throw new IllegalArgumentException("Could not interpret loss identifier: '" + name + "'. Known losses: "
          + String.join(", ", BY_NAME.keySet()) + ". Register custom losses with Losses.register(name, ...)");
    }
    return s.get();
  }
}
