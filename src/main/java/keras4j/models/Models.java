package keras4j.models;

import java.nio.file.Path;

/** Keras's {@code keras.models.load_model} and {@code model_from_json}. */
public final class Models {
  private Models() {}

  /** Loads a whole model from {@code .keras} (Keras 3) or legacy {@code .h5}, with its weights and compile settings. */
  public static Model load(String path) {
    return load(Path.of(path));
  }

  /** Keras's {@code keras.models.load_model(path)}. */
  public static Model load(Path path) {
    return SavingService.get().load(path);
  }

  /** Rebuilds a model (with fresh weights) from {@code model.to_json()} output of Keras 2 or Keras 3. */
  public static Model fromJson(String json) {
    return SavingService.get().fromJson(json);
  }
}
