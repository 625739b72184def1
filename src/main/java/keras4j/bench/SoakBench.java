package keras4j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import keras4j.backend.Backend;
import keras4j.layers.Dense;
import keras4j.layers.Input;
import keras4j.layers.KerasTensor;
import keras4j.models.Fit;
import keras4j.models.Model;
import keras4j.models.Models;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;

/**
 * Soak: resident memory (RSS, from /proc/self/status) and graph size over long loops, without
 * {@code Backend.clearSession()}: load + predict + close of a model file, build + fit + close, and predict with
 * varying batch sizes. Prints RSS after warm-up (the first tenth of the cycles) and at the end, the growth in percent
 * and the operations in the graph. Closing a model lets the backend compact its graph (see
 * {@link keras4j.backend.Context}); the figures include how often it did. Run with a heap committed up front so that
 * RSS moves with native memory only: {@code java -Xms512m -Xmx512m -XX:+AlwaysPreTouch -cp ...
 * keras4j.bench.SoakBench [load|fit|predict] [cycles] [model file]}.
 */
public final class SoakBench {
  private SoakBench() {}

  public static void main(String[] args) throws IOException {
    String mode = args.length > 0 ? args[0] : "load";
    int cycles = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    Path file = Path.of(args.length > 2 ? args[2] : "tests/keras-fixtures/core/dense_relu/model.keras");
    Backend.setRandomSeed(1);
    Random rnd = new Random(1);
    int warm = Math.max(1, cycles / 10);
    long rss0 = 0;
    long ops0 = 0;
    long t0 = System.nanoTime();
    Model fixed = null;
    if (mode.equals("predict")) {
      fixed = Models.load(file);
    }
    for (int c = 0; c < cycles; c++) {
      switch (mode) {
        case "load" -> {
          try (Model m = Models.load(file)) {
            m.predict(input(m, 4), Fit.verbose(0));
          }
        }
        case "fit" -> {
          KerasTensor in = Input.shape(16);
          try (Model m = new Model(in, new Dense(8, "sigmoid").apply(new Dense(32, "relu").apply(in)))) {
            m.compile("adam", "mse");
            FloatNdArray x = NdArrays.ofFloats(Shape.of(64, 16));
            m.fit(x, NdArrays.ofFloats(Shape.of(64, 8)), Fit.epochs(1), Fit.batchSize(16), Fit.verbose(0));
          }
        }
        case "predict" -> fixed.predict(input(fixed, 1 + rnd.nextInt(64)), Fit.batchSize(1 + rnd.nextInt(32)),
            Fit.verbose(0));
        default -> throw new IllegalArgumentException("mode must be load, fit or predict, received " + mode);
      }
      if (c + 1 == warm) {
        System.gc();
        rss0 = rssKb();
        ops0 = ModelSizeBench.countOps();
      }
    }
    System.gc();
    long rss1 = rssKb();
    long ops1 = ModelSizeBench.countOps();
    System.out.printf("soak %s: %d cycles in %.1f s; RSS after %d warm-up cycles %.1f MB, at the end %.1f MB, growth "
        + "%.1f%%; graph ops %d -> %d; %d compactions%n", mode, cycles, (System.nanoTime() - t0) / 1e9, warm,
        rss0 / 1024.0, rss1 / 1024.0, 100.0 * (rss1 - rss0) / rss0, ops0, ops1, Backend.context().compactions());
    if (fixed != null) {
      fixed.close();
    }
  }

  static FloatNdArray input(Model m, int batch) {
    long[] s = m.inputShapes().get(0).clone();
    s[0] = batch;
    return NdArrays.ofFloats(Shape.of(s));
  }

  static long rssKb() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }
}
