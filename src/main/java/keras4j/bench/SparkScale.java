package keras4j.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import keras4j.models.Fit;
import keras4j.models.Model;
import keras4j.models.Models;
import keras4j.spark.AnomalyScoring;
import keras4j.spark.ModelScorer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;

/** The Spark part of {@link ScaleBench} (kept apart so the rest runs without Spark on the class path). */
final class SparkScale {
  private SparkScale() {}

  private static double median(List<Double> v) {
    List<Double> s = new ArrayList<>(v);
    Collections.sort(s);
    return s.get(s.size() / 2);
  }

  static void run(PrintStream out, int rounds) {
    Path model = Path.of(System.getProperty("keras4j.home", "."), "keras-models", "seed002_mnist_16.h5");
    ModelScorer scorer = ModelScorer.load(model).batchSize(1024).reconstructionError("binary_crossentropy");
    String[][] configs = {{"local[1]", "1"}, {"local[2]", "1"}, {"local[2]", "2"}};
    List<List<Double>> sparkTimes = new ArrayList<>();
    for (int c = 0; c < configs.length; c++) {
      sparkTimes.add(new ArrayList<>());
    }
    List<Double> inProcess = new ArrayList<>();
    long rows = 0;
    float[] pixels = null;
    for (int r = 0; r < rounds; r++) {
      for (int c = 0; c < configs.length; c++) {
        SparkSession spark = AnomalyScoring.session(configs[c][0]);
        try {
          Dataset<Row> input = AnomalyScoring.input(spark, Integer.parseInt(configs[c][1]), 0);
          rows = input.count();
          if (pixels == null) {
            pixels = collect(input, (int) rows);
          }
          long t0 = System.nanoTime();
          Row sum = scorer.transform(input).agg(functions.sum("reconstruction_error")).first();
          sparkTimes.get(c).add((System.nanoTime() - t0) / 1e9);
          if (sum.isNullAt(0)) {
            throw new IllegalStateException("no scores");
          }
          input.unpersist();
        } finally {
          spark.stop();
        }
      }
      inProcess.add(inProcess(model, pixels, (int) rows));
    }
    ModelScorer.releaseModels();
    double base = median(inProcess);
    out.println(String.format(Locale.ROOT, "== Spark scoring vs in-process predict: %,d rows x 784 (MNIST train + "
        + "Fashion-MNIST test), seed002_mnist_16 autoencoder, reconstruction error per row, batch 1024, medians of %d",
        rows, rounds));
    out.println("| how | partitions | seconds | rows/s | time / in-process |");
    out.println("|---|---|---|---|---|");
    out.println(String.format(Locale.ROOT, "| in-process predict + error (one JVM, no Spark) | - | %.2f | %,.0f | 1.00 |",
        base, rows / base));
    for (int c = 0; c < configs.length; c++) {
      double t = median(sparkTimes.get(c));
      out.println(String.format(Locale.ROOT, "| Spark %s | %s | %.2f | %,.0f | %.2f |", configs[c][0], configs[c][1],
          t, rows / t, t / base));
    }
  }

  private static float[] collect(Dataset<Row> input, int n) {
    float[] all = new float[n * 784];
    for (Row r : input.select("id", "features").collectAsList()) {
      int id = r.getInt(0);
      List<Float> l = r.getList(1);
      for (int k = 0; k < 784; k++) {
        all[id * 784 + k] = l.get(k);
      }
    }
    return all;
  }

  private static double inProcess(Path file, float[] pixels, int n) {
    try (Model m = Models.load(file)) {
      FloatNdArray x = NdArrays.wrap(Shape.of(n, 784), DataBuffers.of(pixels, true, false));
      m.predict(NdArrays.wrap(Shape.of(1024, 784), DataBuffers.of(pixels, true, false)), Fit.batchSize(1024),
          Fit.verbose(0));
      long t0 = System.nanoTime();
      FloatNdArray y = m.predict(x, Fit.batchSize(1024), Fit.verbose(0));
      float[] ys = keras4j.utils.Np.toFloatArray(y);
      double total = 0;
      for (int i = 0; i < n; i++) {
        double s = 0;
        for (int k = 0; k < 784; k++) {
          double a = pixels[i * 784 + k];
          double p = Math.min(Math.max(ys[i * 784 + k], 1e-7), 1 - 1e-7);
          s += -(a * Math.log(p) + (1 - a) * Math.log(1 - p));
        }
        total += s / 784;
      }
      if (Double.isNaN(total)) {
        throw new IllegalStateException("NaN error");
      }
      return (System.nanoTime() - t0) / 1e9;
    }
  }
}
