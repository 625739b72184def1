package keras4j.losses;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/** Keras's {@code keras.losses.get(name)}: losses by function name, alias or class name. */
public final class Losses {
  private static final Map<String, Supplier<Loss>> BY_NAME = new TreeMap<>();

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

  private Losses() {}

  /** Keras's {@code keras.losses.get(name)}. */
  public static Loss get(String name) {
    Supplier<Loss> s = name == null ? null : BY_NAME.get(name);
    if (s == null) {
      throw new IllegalArgumentException("Could not interpret loss identifier: '" + name + "'. Known losses: "
          + String.join(", ", BY_NAME.keySet()));
    }
    return s.get();
  }
}
