package keras4j.models;

import java.nio.file.Path;
import java.util.ServiceLoader;

/**
 * The file formats behind {@link Model#save}, {@link Model#saveWeights}, {@link Model#loadWeights},
 * {@link Model#toJson}, {@link Models#load} and {@link Models#fromJson} (Keras's {@code keras.saving.saving_api}).
 * {@code keras4j.saving} implements it and registers the implementation with {@link ServiceLoader}, so that
 * {@code models} does not import {@code saving} (which builds models, and so imports {@code models}); Keras breaks
 * the same circle with imports inside the functions.
 */
public interface SavingService {
  /** {@code model.save_weights(path)}. */
  void saveWeights(Model model, Path path);

  /** {@code model.load_weights(path, by_name=..., skip_mismatch=...)}. */
  void loadWeights(Model model, Path path, boolean byName, boolean skipMismatch);

  /** {@code model.save(path)}. */
  void save(Model model, Path path);

  /** {@code keras.models.load_model(path)}. */
  Model load(Path path);

  /** {@code model.to_json()}. */
  String toJson(Model model);

  /** {@code keras.models.model_from_json(json)}. */
  Model fromJson(String json);

  /** The implementation on the class path ({@code keras4j.saving}'s), looked up on the first save or load. */
  static SavingService get() {
    return SavingServiceLookup.INSTANCE;
  }
}
