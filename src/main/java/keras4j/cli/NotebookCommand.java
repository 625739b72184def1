package keras4j.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import keras4j.datasets.DatasetLoader;
import keras4j.examples.NotebookOptions;
import keras4j.examples.NotebookPort;
import keras4j.examples.NotebookResult;
import keras4j.examples.Notebooks;
import keras4j.examples.Reproduction;
import org.apache.commons.cli.Options;

/** {@code keras4j notebook}: runs one of the notebook ports, and with {@code --check} compares with the notebook. */
final class NotebookCommand implements Command {
  /** The system property the launcher sets to the repository root, where {@code notebooks-reference/} lives. */
  static final String HOME_PROPERTY = "keras4j.home";
  static final String RESULTS = "notebooks-reference/results.json";

  /** How a result is checked against the recorded numbers (see {@link #reproduce}). */
  interface Checker {
    boolean check(String notebookId, NotebookResult result, Path resultsJson, PrintStream out);
  }

  private final Supplier<List<NotebookPort>> ports;
  private final Checker checker;

  NotebookCommand() {
    this(Notebooks::all, NotebookCommand::reproduce);
  }

  /** Compares a result with the recorded numbers in {@code resultsJson} and prints the table. */
  static boolean reproduce(String notebookId, NotebookResult result, Path resultsJson, PrintStream out) {
    List<Reproduction.Row> rows = Reproduction.load(resultsJson).compare(notebookId, result);
    out.println("Reproduction of notebook " + notebookId + " against " + resultsJson + ":");
    Reproduction.print(rows, out);
    return Reproduction.allOk(rows);
  }

  NotebookCommand(Supplier<List<NotebookPort>> ports, Checker checker) {
    this.ports = ports;
    this.checker = checker;
  }

  @Override
  public String name() {
    return "notebook";
  }

  @Override
  public String summary() {
    return "Run a port of one of the reference notebooks (000 to 004)";
  }

  @Override
  public String usage() {
    return "notebook <000..004|name> [--epochs N] [--out DIR] [--quick] [--check] [--verbose N]";
  }

  @Override
  public String description() {
    return "Runs the Java port of a reference notebook, chosen by id or name (--list shows them), writing its "
        + "figures and arrays to DIR. --check then compares the losses and figures it measured with the ones the "
        + "notebook recorded (" + RESULTS + ") and exits with 1 when a row fails.";
  }

  @Override
  public Options options() {
    return new Options()
        .addOption(Opt.flag("list", "List the notebooks and exit"))
        .addOption(Opt.value("epochs", "N", "Epochs of every training, in place of the notebook's"))
        .addOption(Opt.value("out", "DIR", "Output directory (default out/<id>-<name>)"))
        .addOption(Opt.flag("quick", "One epoch on a subset of the data, for a fast check"))
        .addOption(Opt.flag("check", "Compare the results with the notebook's recorded numbers"))
        .addOption(Opt.value("results", "FILE", "The recorded numbers (default " + RESULTS + ")"))
        .addOption(Opt.verbose("Keras fit output"))
        .addOption(DatasetArgument.dataDirOption());
  }

  @Override
  public int run(Invocation call) {
    PrintStream out = call.out();
    List<NotebookPort> all = ports.get();
    if (call.has("list")) {
      call.positionals();
      for (NotebookPort p : all) {
        out.println(p.id() + "  " + p.name() + "  " + p.title());
      }
      if (all.isEmpty()) {
        out.println("(no notebook ports in this build)");
      }
      return Main.OK;
    }
    NotebookPort port = find(all, call.positionals("<000..004|name>").get(0));
    Integer epochs = call.integer("epochs", null, 1);
    int verbose = call.integer("verbose", 1, 0);
    if (verbose > 2) {
      throw new UsageException("--verbose expects 0, 1 or 2, received " + verbose);
    }
    Path outDir = call.has("out") ? call.path("out") : Path.of("out", port.id() + "-" + port.name());
    Path results = call.has("check") ? resultsFile(call) : null;

    out.println("Notebook " + port.id() + " " + port.name() + ": " + port.title());
    long start = System.nanoTime();
    NotebookResult result = withDataDir(call.path("data-dir"),
        () -> port.run(new NotebookOptions(outDir, epochs, call.has("quick"), verbose, out)));
    out.println(String.format(Locale.ROOT, "Done in %.1f s; output in %s", (System.nanoTime() - start) / 1e9,
        outDir));
    report(result, out);
    if (results == null) {
      return Main.OK;
    }
    boolean ok = checker.check(port.id(), result, results, out);
    out.println("Reproduction check: " + (ok ? "PASS" : "FAIL"));
    return ok ? Main.OK : Main.FAILURE;
  }

  static NotebookPort find(List<NotebookPort> all, String wanted) {
    for (NotebookPort p : all) {
      if (p.id().equals(wanted) || p.name().equalsIgnoreCase(wanted) || sameNumber(p.id(), wanted)) {
        return p;
      }
    }
    if (all.isEmpty()) {
      throw new UsageException("unknown notebook '" + wanted + "': no notebook ports are registered in this build");
    }
    StringBuilder known = new StringBuilder();
    for (NotebookPort p : all) {
      known.append(known.length() == 0 ? "" : ", ").append(p.id()).append(" (").append(p.name()).append(')');
    }
    throw new UsageException("unknown notebook '" + wanted + "', expected one of: " + known);
  }

  private static boolean sameNumber(String id, String wanted) {
    try {
      return Integer.parseInt(id) == Integer.parseInt(wanted);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static Path resultsFile(Invocation call) {
    Path file = call.path("results");
    if (file == null) {
      String home = System.getProperty(HOME_PROPERTY);
      file = home == null || home.isBlank() ? Path.of(RESULTS) : Path.of(home).resolve(RESULTS);
    }
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no such file: " + file + " (the notebooks' recorded results; pass "
          + "--results FILE)");
    }
    return file;
  }

  /** Runs with the datasets directory set for the ports' own {@code loadData()} calls. */
  static <T> T withDataDir(Path dir, Supplier<T> body) {
    if (dir == null) {
      return body.get();
    }
    String before = System.getProperty(DatasetLoader.DIR_PROPERTY);
    System.setProperty(DatasetLoader.DIR_PROPERTY, dir.toString());
    try {
      return body.get();
    } finally {
      if (before == null) {
        System.clearProperty(DatasetLoader.DIR_PROPERTY);
      } else {
        System.setProperty(DatasetLoader.DIR_PROPERTY, before);
      }
    }
  }

  static void report(NotebookResult result, PrintStream out) {
    for (Map.Entry<String, NotebookResult.ModelRun> e : result.runs().entrySet()) {
      NotebookResult.ModelRun r = e.getValue();
      StringBuilder sb = new StringBuilder("  ").append(e.getKey()).append(": ").append(r.params()).append(" params");
      appendLast(sb, "loss", r.loss());
      appendLast(sb, "val_loss", r.valLoss());
      if (r.secondsPerEpoch() != null && !r.secondsPerEpoch().isEmpty()) {
        double mean = r.secondsPerEpoch().stream().mapToDouble(Double::doubleValue).average().orElse(0);
        sb.append(String.format(Locale.ROOT, ", %d epochs, %.2f s/epoch", r.secondsPerEpoch().size(), mean));
      }
      out.println(sb);
    }
    result.numbers().forEach((k, v) -> out.println("  " + k + ": " + String.format(Locale.ROOT, "%.6g", v)));
    for (Path f : result.figures()) {
      out.println("  figure " + f);
    }
  }

  private static void appendLast(StringBuilder sb, String name, List<Double> values) {
    if (values != null && !values.isEmpty()) {
      sb.append(String.format(Locale.ROOT, ", %s %.4f", name, values.get(values.size() - 1)));
    }
  }
}
