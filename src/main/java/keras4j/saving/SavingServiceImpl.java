package keras4j.saving;

import java.nio.file.Path;
import keras4j.models.Model;
import keras4j.models.SavingService;

/**
 * {@link SavingService} on {@link SavingApi}: what {@code model.save(...)} and {@code Models.load(...)} reach through
 * {@link java.util.ServiceLoader}. Not meant to be called directly; use {@link SavingApi} or the model's methods.
 */
public final class SavingServiceImpl implements SavingService {
  /** Called by {@link java.util.ServiceLoader}. */
  public SavingServiceImpl() {}

  @Override
  public void saveWeights(Model model, Path path) {
    SavingApi.saveWeights(model, path);
  }

  @Override
  public void loadWeights(Model model, Path path, boolean byName, boolean skipMismatch) {
    SavingApi.loadWeights(model, path, byName, skipMismatch);
  }

  @Override
  public void save(Model model, Path path) {
    SavingApi.save(model, path);
  }

  @Override
  public Model load(Path path) {
    return SavingApi.load(path);
  }

  @Override
  public String toJson(Model model) {
    return SavingApi.toJson(model);
  }

  @Override
  public Model fromJson(String json) {
    return SavingApi.fromJson(json);
  }
}
