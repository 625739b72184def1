package keras4j.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares what a notebook port measured with what the notebook recorded ({@code notebooks-reference/results.json}):
 * parameter counts exactly, the final loss and val_loss within {@value #LOSS_TOLERANCE} (relative), and KNN
 * accuracies within {@value #ACCURACY_TOLERANCE} (absolute, i.e. 2 points). A recorded quantity the port did not
 * measure is a failed row.
 */
public final class Reproduction {
  /** Final loss and val_loss must be within 3% of the notebook's. */
  public static final double LOSS_TOLERANCE = 0.03;
  /** KNN accuracies must be within 2 points of the notebook's. */
  public static final double ACCURACY_TOLERANCE = 0.02;
  /** System property naming results.json, for runs outside the repository. */
  public static final String RESULTS_PROPERTY = "keras4j.results";
  static final String RESULTS_FILE = "notebooks-reference/results.json";

  /** One compared quantity; {@code recorded} and {@code ours} are formatted for the table. */
  public record Row(String quantity, String recorded, String ours, boolean ok) {}

  private final JsonNode seeds;
  private final Path source;

  private Reproduction(JsonNode root, Path source) {
    JsonNode seeds = root.path("seeds");
    if (!seeds.isObject()) {
      throw new IllegalArgumentException("Expected results.json with a \"seeds\" object, received "
          + (source == null ? "a document" : source) + " without one");
    }
    this.seeds = seeds;
    this.source = source;
  }

  /**
   * The recorded results: the file named by {@code -Dkeras4j.results=...}, else {@value #RESULTS_FILE} in the
   * working directory or one of its parents.
   */
  public static Reproduction load() {
    String property = System.getProperty(RESULTS_PROPERTY);
    if (property != null && !property.isBlank()) {
      return load(Path.of(property));
    }
    Path dir = Path.of("").toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      Path candidate = d.resolve(RESULTS_FILE);
      if (Files.isRegularFile(candidate)) {
        return load(candidate);
      }
    }
    throw new IllegalStateException("Could not find " + RESULTS_FILE + " in " + dir + " or its parents; pass -D"
        + RESULTS_PROPERTY + "=/path/to/results.json");
  }

  /** Reads the notebooks' recorded results ({@code results.json}). */
  public static Reproduction load(Path resultsJson) {
    try {
      return new Reproduction(new ObjectMapper().readTree(resultsJson.toFile()), resultsJson);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the recorded results " + resultsJson + ": " + e.getMessage(), e);
    }
  }

  /** From the text of a results.json. */
  public static Reproduction parse(String json) {
    try {
      return new Reproduction(new ObjectMapper().readTree(json), null);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not parse the recorded results: " + e.getMessage(), e);
    }
  }

  /** Compares a port's result with what its notebook recorded, one row per quantity. */
  public List<Row> compare(NotebookPort port, NotebookResult result) {
    return compare(port.id(), result);
  }

  /** The rows for seed {@code id} ("000" to "004"); empty when that notebook recorded nothing comparable. */
  public List<Row> compare(String id, NotebookResult result) {
    if (result == null) {
      throw new IllegalArgumentException("Expected a notebook result to compare, received null");
    }
    JsonNode seed = seed(id);
    List<Row> rows = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = seed.path("models").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      compareModel(e.getKey(), e.getValue(), result, rows);
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = seed.path("knn").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().isObject()) {
        compareKnn(e.getKey(), e.getValue(), result, rows);
      }
    }
    return rows;
  }

  /** {@link #compare} and {@link #print}; returns the rows. */
  public List<Row> check(NotebookPort port, NotebookResult result, PrintStream out) {
    List<Row> rows = compare(port, result);
    out.println("Reproduction of " + port.id() + " " + port.name() + " against "
        + (source == null ? "the recorded results" : source) + ":");
    print(rows, out);
    return rows;
  }

  /** Whether every row passed. */
  public static boolean allOk(List<Row> rows) {
    return rows.stream().allMatch(Row::ok);
  }

  /** The rows as a table, with a last line counting the rows within tolerance. */
  public static void print(List<Row> rows, PrintStream out) {
    if (rows.isEmpty()) {
      out.println("  (the notebook recorded no losses, parameter counts or accuracies to compare)");
      return;
    }
    String[] header = {"quantity", "recorded", "ours", "ok"};
    int[] w = {header[0].length(), header[1].length(), header[2].length()};
    for (Row r : rows) {
      w[0] = Math.max(w[0], r.quantity().length());
      w[1] = Math.max(w[1], r.recorded().length());
      w[2] = Math.max(w[2], r.ours().length());
    }
    String format = "  %-" + w[0] + "s  %" + w[1] + "s  %" + w[2] + "s  %s%n";
    out.printf(Locale.ROOT, format, (Object[]) header);
    for (Row r : rows) {
      out.printf(Locale.ROOT, format, r.quantity(), r.recorded(), r.ours(), r.ok() ? "yes" : "NO");
    }
    long ok = rows.stream().filter(Row::ok).count();
    out.printf(Locale.ROOT, "  %d of %d within tolerance%n", ok, rows.size());
  }

  private JsonNode seed(String id) {
    List<String> known = new ArrayList<>();
    for (Iterator<String> it = seeds.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      known.add(name);
      if (name.startsWith("seed" + id + "_")) {
        return seeds.get(name);
      }
    }
    throw new IllegalArgumentException("No recorded results for notebook \"" + id + "\"; recorded: " + known);
  }

  private static void compareModel(String model, JsonNode m, NotebookResult result, List<Row> rows) {
    NotebookResult.ModelRun run = result.runs().get(model);
    JsonNode total = m.path("summary").path("total_params");
    if (total.isNumber()) {
      long recorded = total.asLong();
      rows.add(new Row(model + " params (exact)", String.format(Locale.US, "%,d", recorded),
          run == null ? "not measured" : String.format(Locale.US, "%,d", run.params()),
          run != null && run.params() == recorded));
    }
    JsonNode fit = m.path("fit");
    compareFinal(model, "loss", fit.path("loss"), run == null ? null : run.loss(), rows);
    compareFinal(model, "val_loss", fit.path("val_loss"), run == null ? null : run.valLoss(), rows);
  }

  private static void compareFinal(String model, String key, JsonNode recordedValues, List<Double> ours,
      List<Row> rows) {
    if (!recordedValues.isArray() || recordedValues.isEmpty()) {
      return;
    }
    int epochs = recordedValues.size();
    double recorded = recordedValues.get(epochs - 1).asDouble();
    String quantity = String.format(Locale.ROOT, "%s final %s (epoch %d, within %.0f%%)", model, key, epochs,
        LOSS_TOLERANCE * 100);
    if (ours == null || ours.isEmpty()) {
      rows.add(new Row(quantity, fmt4(recorded), "not measured", false));
      return;
    }
    double value = ours.get(ours.size() - 1);
    String shown = fmt4(value) + (ours.size() == epochs ? "" : " (epoch " + ours.size() + ")");
    rows.add(new Row(quantity, fmt4(recorded), shown, Math.abs(value - recorded) <= LOSS_TOLERANCE * recorded));
  }

  private static void compareKnn(String key, JsonNode k, NotebookResult result, List<Row> rows) {
    Double ours = result.numbers().get("knn." + key + ".accuracy");
    String within = String.format(Locale.ROOT, "within %.0f points", ACCURACY_TOLERANCE * 100);
    if (k.path("accuracy").isNumber()) {
      double recorded = k.get("accuracy").asDouble();
      rows.add(new Row("knn " + key + " accuracy (" + within + ")", fmt4(recorded),
          ours == null ? "not measured" : fmt4(ours),
          ours != null && Math.abs(ours - recorded) <= ACCURACY_TOLERANCE + 1e-12));
    }
    if (k.path("accuracy_difference_vs_raw_approx").isNumber()) {
      double recorded = k.get("accuracy_difference_vs_raw_approx").asDouble();
      String raw = key.replaceFirst("_latent_\\d+$", "_raw_784");
      Double rawAccuracy = result.numbers().get("knn." + raw + ".accuracy");
      Double diff = ours == null || rawAccuracy == null ? null : ours - rawAccuracy;
      rows.add(new Row("knn " + key + " minus " + raw + " accuracy (" + within + ")", fmt4(recorded),
          diff == null ? "not measured" : fmt4(diff),
          diff != null && Math.abs(diff - recorded) <= ACCURACY_TOLERANCE + 1e-12));
    }
  }

  private static String fmt4(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }
}
