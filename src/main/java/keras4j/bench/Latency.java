package keras4j.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import keras4j.backend.Backend;
import keras4j.models.Fit;
import keras4j.models.Model;
import keras4j.utils.Np;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * Inference for JVM services: latency (p50/p99) of single-image and 8-image {@code predict} calls and throughput of
 * predicting the 10,000 test images at batch 32 and 1,024, for keras4j beside Keras's {@code predict} and
 * {@code model(x)} on TensorFlow and on JAX, model by model in one run.
 */
final class Latency {
  static final int[] LATENCY_BATCHES = {1, 8};
  static final int[] THROUGHPUT_BATCHES = {32, 1024};
  static final List<String> MODELS = List.of("M2", "M4");

  private Latency() {}

  /** One row: who, latency p50/p99 per latency batch, images/s per throughput batch. */
  record Row(String who, int calls, double[] p50, double[] p99, double[] rate) {}

  static void table(Bench.Data d, Peers peers, int calls, int peerCalls, int predictCalls, PrintStream out) {
    out.println();
    out.printf(Locale.ROOT, "Inference: predict latency in ms (p50 / p99 over the calls given) and throughput on the "
        + "10,000 test images in images/s; 'x' = peer's p50 or time over keras4j's%n");
    out.println("| model | who | calls | batch 1 p50 / p99 | batch 8 p50 / p99 | batch 32 img/s | batch 1024 img/s "
        + "| x b1 | x b8 | x b32 | x b1024 |");
    out.println("|---|---|---|---|---|---|---|---|---|---|---|");
    for (String name : MODELS) {
      Row k = keras4j(name, d, calls);
      print(name, k, k, out);
      if (peers == null || !peers.hasKeras()) {
        continue;
      }
      for (String backend : Peers.KERAS_BACKENDS) {
        List<Map<String, Object>> rows = peers.kerasInference(backend, List.of(name), peerCalls, predictCalls);
        for (String mode : List.of("predict", "model(x)")) {
          Row r = peerRow(rows, mode, "Keras-" + (backend.equals("tensorflow") ? "TF" : "JAX") + " " + mode);
          if (r != null) {
            print(name, r, k, out);
          }
        }
      }
    }
  }

  private static Row keras4j(String name, Bench.Data d, int calls) {
    Backend.clearSession();
    Model m = Bench.model(name);
    FloatNdArray test = Bench.spec(name).images() ? d.testImages() : d.testFlat();
    double[] p50 = new double[LATENCY_BATCHES.length];
    double[] p99 = new double[LATENCY_BATCHES.length];
    double[] rate = new double[THROUGHPUT_BATCHES.length];
    for (int i = 0; i < LATENCY_BATCHES.length; i++) {
      int b = LATENCY_BATCHES[i];
      FloatNdArray x = Np.rows(test, 0, b);
      for (int w = 0; w < 200; w++) {
        m.predict(x, Fit.batchSize(b), Fit.verbose(0));
      }
      double[] t = new double[calls];
      for (int c = 0; c < calls; c++) {
        long t0 = System.nanoTime();
        m.predict(x, Fit.batchSize(b), Fit.verbose(0));
        t[c] = (System.nanoTime() - t0) / 1e6;
      }
      Arrays.sort(t);
      p50[i] = t[(int) Math.round(0.5 * (calls - 1))];
      p99[i] = t[(int) Math.round(0.99 * (calls - 1))];
    }
    for (int i = 0; i < THROUGHPUT_BATCHES.length; i++) {
      int b = THROUGHPUT_BATCHES[i];
      m.predict(test, Fit.batchSize(b), Fit.verbose(0));
      List<Double> rates = new ArrayList<>();
      for (int r = 0; r < 3; r++) {
        long t0 = System.nanoTime();
        m.predict(test, Fit.batchSize(b), Fit.verbose(0));
        rates.add(test.shape().size(0) / ((System.nanoTime() - t0) / 1e9));
      }
      rate[i] = Bench.median(rates);
    }
    m.close();
    Backend.clearSession();
    return new Row("keras4j predict", calls, p50, p99, rate);
  }

  private static Row peerRow(List<Map<String, Object>> rows, String mode, String who) {
    double[] p50 = new double[LATENCY_BATCHES.length];
    double[] p99 = new double[LATENCY_BATCHES.length];
    double[] rate = new double[THROUGHPUT_BATCHES.length];
    Arrays.fill(p50, Double.NaN);
    Arrays.fill(p99, Double.NaN);
    Arrays.fill(rate, Double.NaN);
    int calls = 0;
    boolean any = false;
    for (Map<String, Object> r : rows) {
      if (!mode.equals(r.get("mode"))) {
        continue;
      }
      int b = ((Number) r.get("batch")).intValue();
      if ("latency".equals(r.get("kind"))) {
        int i = indexOf(LATENCY_BATCHES, b);
        if (i >= 0) {
          p50[i] = ((Number) r.get("p50_ms")).doubleValue();
          p99[i] = ((Number) r.get("p99_ms")).doubleValue();
          calls = ((Number) r.get("calls")).intValue();
          any = true;
        }
      } else if ("throughput".equals(r.get("kind"))) {
        int i = indexOf(THROUGHPUT_BATCHES, b);
        if (i >= 0) {
          rate[i] = ((Number) r.get("images_per_s")).doubleValue();
          any = true;
        }
      }
    }
    return any ? new Row(who, calls, p50, p99, rate) : null;
  }

  private static int indexOf(int[] a, int v) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] == v) {
        return i;
      }
    }
    return -1;
  }

  private static String num(double v, String format) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, format, v);
  }

  private static void print(String model, Row r, Row k, PrintStream out) {
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "| %s | %s | %d |", model, r.who(), r.calls()));
    for (int i = 0; i < LATENCY_BATCHES.length; i++) {
      s.append(' ').append(num(r.p50()[i], "%.3f")).append(" / ").append(num(r.p99()[i], "%.3f")).append(" |");
    }
    for (int i = 0; i < THROUGHPUT_BATCHES.length; i++) {
      s.append(' ').append(num(r.rate()[i], "%.0f")).append(" |");
    }
    for (int i = 0; i < LATENCY_BATCHES.length; i++) {
      s.append(' ').append(num(r.p50()[i] / k.p50()[i], "%.1f")).append(" |");
    }
    for (int i = 0; i < THROUGHPUT_BATCHES.length; i++) {
      s.append(' ').append(num(k.rate()[i] / r.rate()[i], "%.1f")).append(" |");
    }
    out.println(s);
    out.flush();
  }
}
