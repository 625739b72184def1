package keras4j.examples;

import static keras4j.models.Fit.callbacks;
import static keras4j.models.Fit.epochs;
import static keras4j.models.Fit.verbose;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import keras4j.backend.Backend;
import keras4j.backend.Shapes;
import keras4j.callbacks.ProgbarLogger;
import keras4j.models.Fit;
import keras4j.models.History;
import keras4j.models.Model;
import keras4j.plot.ImageGrid;
import keras4j.plot.LinePlot;
import keras4j.utils.Np;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * One run of a notebook port, as a notebook kernel: it starts from a fresh Keras session, prints to the options'
 * stream, trains with Keras's progress bar and an {@link EpochTimer}, records every model in the
 * {@link NotebookResult}, and writes figures (named {@code seedNNN_*.png}) into the output directory.
 */
final class NotebookSession {
  /** Images per row in the notebooks' figures ({@code n = 10}). */
  static final int N = 10;

  private final NotebookPort port;
  private final NotebookOptions options;
  private final PrintStream out;
  private final NotebookResult result = new NotebookResult();

  NotebookSession(NotebookPort port, NotebookOptions options) {
    if (options == null) {
      throw new IllegalArgumentException("Expected notebook options, received null");
    }
    this.port = port;
    this.options = options;
    this.out = options.out();
    try {
      java.nio.file.Files.createDirectories(options.outDir());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("Could not create the output directory " + options.outDir() + ": "
          + e.getMessage(), e);
    }
    Backend.clearSession();
    println("# " + port.id() + " " + port.name() + ": " + port.title());
    println("# figures and files go to " + options.outDir().toAbsolutePath());
    if (options.quick()) {
      println("# quick mode: " + options.epochs(1) + " epoch(s) on the first " + NotebookData.QUICK_TRAIN
          + " training and " + NotebookData.QUICK_TEST + " test images");
    } else if (options.epochs() != null) {
      println("# every fit runs " + options.epochs() + " epoch(s) instead of the notebook's count");
    }
  }

  NotebookOptions options() {
    return options;
  }

  boolean quick() {
    return options.quick();
  }

  NotebookResult result() {
    return result;
  }

  /** Ends the run: frees the session's graph and returns what was measured. */
  NotebookResult finish() {
    Backend.clearSession();
    return result;
  }

  /** Releases the session after a failure, without hiding it. */
  void abort() {
    Backend.clearSession();
  }

  void println(Object line) {
    out.println(line);
  }

  /** A note that the notebook itself does not print. */
  void note(String format, Object... args) {
    out.println("# " + String.format(Locale.ROOT, format, args));
  }

  /** Python's tuple of a shape, as {@code print(x.shape)} shows it: {@code (60000, 784)}. */
  static String shape(FloatNdArray x) {
    return Shapes.format(x.shape().asArray());
  }

  void summary(Model model) {
    model.summary(out::println);
  }

  Path path(String file) {
    return options.outDir().resolve(file);
  }

  /** Records a model that the notebook builds but does not train (its parameter count). */
  void record(String run, Model model) {
    result.run(run, new NotebookResult.ModelRun(model.countParams(), List.of(), List.of(), List.of()));
  }

  void number(String name, double value) {
    result.number(name, value);
  }

  /**
   * {@code model.fit(x, y, epochs=notebookEpochs, verbose=notebookVerbose, ...)}: the options' epochs and
   * verbosity apply (a fit the notebook runs silently stays silent); the run's losses, validation losses and
   * seconds per epoch are recorded under {@code run} and drawn as {@code seedNNN_<run>_loss.png}.
   */
  History fit(String run, Model model, FloatNdArray x, FloatNdArray y, int notebookEpochs, int notebookVerbose,
      Fit.Option... notebookOptions) {
    int n = options.epochs(notebookEpochs);
    int v = notebookVerbose == 0 ? 0 : options.verbose();
    EpochTimer timer = new EpochTimer();
    List<Fit.Option> all = new ArrayList<>(Arrays.asList(notebookOptions));
    all.add(epochs(n));
    all.add(verbose(0));
    all.add(callbacks(timer));
    if (v > 0) {
      boolean dynamic = out == System.out && System.console() != null;
      all.add(callbacks(new ProgbarLogger(v, out, dynamic)));
    } else {
      note("%s: fit for %d epoch(s)%s", run, n, notebookVerbose == 0 ? " (verbose=0, as in the notebook)" : "");
    }
    History history = y == null ? model.fit(x, all.toArray(Fit.Option[]::new))
        : model.fit(x, y, all.toArray(Fit.Option[]::new));
    List<Double> loss = history.history().getOrDefault("loss", List.of());
    List<Double> valLoss = history.history().getOrDefault("val_loss", List.of());
    result.run(run, new NotebookResult.ModelRun(model.countParams(), loss, valLoss, timer.seconds()));
    if (v == 0 && !loss.isEmpty()) {
      note("%s: loss %.4f%s, %.1f s/epoch", run, loss.get(loss.size() - 1),
          valLoss.isEmpty() ? "" : String.format(Locale.ROOT, " - val_loss %.4f", valLoss.get(valLoss.size() - 1)),
          timer.seconds().stream().mapToDouble(Double::doubleValue).average().orElse(0));
    }
    lossCurve(run, loss, valLoss);
    keep(run, model);
    return history;
  }

  /**
   * Saves a trained model as {@code models/seedNNN_<run>.h5} (legacy full model, without optimizer state, the
   * smallest file) and its Keras JSON config as {@code .json}: the
   * files {@code keras-models/} holds, so {@code keras4j reconstruct} works without training.
   */
  void keep(String run, Model model) {
    Path dir = options.outDir().resolve("models");
    String base = "seed" + port.id() + "_" + run;
    model.save(dir.resolve(base + ".h5"));
    String json = model.toJson();
    keras4j.utils.AtomicWrite.write(dir.resolve(base + ".json"),
        tmp -> java.nio.file.Files.writeString(tmp, json, java.nio.file.StandardOpenOption.CREATE_NEW));
  }

  private void lossCurve(String run, List<Double> loss, List<Double> valLoss) {
    LinePlot.Builder plot = LinePlot.builder().title(port.id() + " " + run + ": model loss").xLabel("epoch")
        .yLabel("loss");
    plot.series("loss", epochAxis(loss.size()), toArray(loss));
    if (!valLoss.isEmpty()) {
      plot.series("val_loss", epochAxis(valLoss.size()), toArray(valLoss));
    }
    figure(plot.write(path(file(run + "_loss"))));
  }

  private static double[] epochAxis(int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i + 1;
    }
    return x;
  }

  private static double[] toArray(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** {@code model.predict(x)}, without a progress bar. */
  static FloatNdArray predict(Model model, FloatNdArray x) {
    return model.predict(x, Fit.verbose(0));
  }

  /** {@code seedNNN_<name>.png}. */
  String file(String name) {
    return "seed" + port.id() + "_" + name + ".png";
  }

  Path figure(Path png) {
    result.figure(png);
    return png;
  }

  /** Writes a grid of images as {@code seedNNN_<name>.png}. */
  Path grid(String name, ImageGrid.Builder grid) {
    return figure(grid.write(path(file(name))));
  }

  /**
   * The notebooks' figure cell: the first ten images of {@code originals} above their reconstructions, in a
   * 2 x 10 grid ({@code plt.subplot(2, n, ...)}, {@code plt.gray()}).
   */
  Path comparison(String name, FloatNdArray originals, FloatNdArray reconstructions) {
    return grid(name, ImageGrid.builder()
        .row("original", first(originals), 28, 28)
        .row("reconstruction", first(reconstructions), 28, 28));
  }

  /** The first ten images (fewer if there are fewer). */
  static FloatNdArray first(FloatNdArray x) {
    return Np.rows(x, 0, Math.min(N, x.shape().size(0)));
  }
}
