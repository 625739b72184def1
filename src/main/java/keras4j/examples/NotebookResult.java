package keras4j.examples;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a notebook port measured, for the reproduction table: per trained model its parameter count, losses per
 * epoch and seconds per epoch; other figures (KNN accuracies, file sizes) by name; and the figures written.
 */
public final class NotebookResult {
  /** One trained model. */
  public record ModelRun(long params, List<Double> loss, List<Double> valLoss, List<Double> secondsPerEpoch) {}

  private final Map<String, ModelRun> runs = new LinkedHashMap<>();
  private final Map<String, Double> numbers = new LinkedHashMap<>();
  private final List<Path> figures = new ArrayList<>();

  /** Records a training run of the named model. */
  public NotebookResult run(String model, ModelRun run) {
    runs.put(model, run);
    return this;
  }

  /** Records a named number (e.g. {@code knn_accuracy}). */
  public NotebookResult number(String name, double value) {
    numbers.put(name, value);
    return this;
  }

  /** Records a figure written. */
  public NotebookResult figure(Path png) {
    figures.add(png);
    return this;
  }

  /** The training runs by model name. */
  public Map<String, ModelRun> runs() {
    return runs;
  }

  /** The named numbers. */
  public Map<String, Double> numbers() {
    return numbers;
  }

  /** The figures written, in order. */
  public List<Path> figures() {
    return figures;
  }
}
