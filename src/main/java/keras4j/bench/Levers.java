package keras4j.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import keras4j.backend.Backend;
import keras4j.callbacks.Callback;
import keras4j.models.Fit;
import keras4j.models.Model;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * {@code keras4j bench --lever NAME:prop=value,...}: an A/B measurement of graph-building or session switches
 * (system properties), interleaved in one process so every variant sees the same machine load. Each round trains
 * every variant once (a fresh session and model, one warm-up epoch, then timed epochs), after one discarded warm-up
 * run of the first; the table gives the median
 * wall time per epoch and the process CPU time per epoch, and both as ratios to the first variant.
 */
final class Levers {
  /** A variant: a name and the system properties it sets (the others it names are cleared). */
  record Variant(String name, Map<String, String> properties) {
    static Variant parse(String spec) {
      int colon = spec.indexOf(':');
      String name = colon < 0 ? spec : spec.substring(0, colon);
      Map<String, String> props = new LinkedHashMap<>();
      if (colon >= 0 && colon + 1 < spec.length()) {
        for (String kv : spec.substring(colon + 1).split(",")) {
          int eq = kv.indexOf('=');
          if (eq <= 0) {
            throw new Bench.UsageError("--lever expects NAME:property=value,..., received '" + spec + "'");
          }
          props.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
      }
      return new Variant(name, props);
    }
  }

  private Levers() {}

  private static long cpuNanos() {
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime();
    }
    return -1;
  }

  /** Wall and CPU seconds of each epoch after the first. */
  private static double[][] run(String model, Bench.Data d, int epochs) {
    Backend.clearSession();
    Bench.Spec spec = Bench.spec(model);
    Model m = Bench.model(model);
    m.compile("adam", "binary_crossentropy");
    double[][] times = new double[2][epochs];
    Callback timer = new Callback() {
      long wall;
      long cpu;

      @Override
      public void onEpochBegin(int epoch, Map<String, Double> logs) {
        wall = System.nanoTime();
        cpu = cpuNanos();
      }

      @Override
      public void onEpochEnd(int epoch, Map<String, Double> logs) {
        times[0][epoch] = (System.nanoTime() - wall) / 1e9;
        times[1][epoch] = (cpuNanos() - cpu) / 1e9;
      }
    };
    FloatNdArray x = spec.images() ? d.images() : d.flat();
    int batch = Integer.getInteger("keras4j.bench.batch", spec.batch());
    m.fit(x, x, Fit.epochs(epochs), Fit.batchSize(batch), Fit.verbose(0), Fit.callbacks(timer));
    m.close();
    Backend.clearSession();
    return times;
  }

  static void table(List<String> models, List<Variant> variants, int rounds, int epochs, Bench.Data d,
      PrintStream out) {
    java.util.Set<String> touched = new java.util.LinkedHashSet<>();
    variants.forEach(v -> touched.addAll(v.properties().keySet()));
    Map<String, String> saved = new LinkedHashMap<>();
    touched.forEach(k -> saved.put(k, System.getProperty(k)));
    out.println();
    out.printf(Locale.ROOT, "Levers: %d rounds, interleaved; per round each variant trains %d epochs (the first a "
        + "warm-up); medians per epoch; ratios against %s%n", rounds, epochs, variants.get(0).name());
    out.println("| model | variant | properties | wall s/epoch | CPU s/epoch | wall ratio | CPU ratio |");
    out.println("|---|---|---|---|---|---|---|");
    try {
      for (String model : models) {
        List<List<Double>> wall = new ArrayList<>();
        List<List<Double>> cpu = new ArrayList<>();
        variants.forEach(v -> {
          wall.add(new ArrayList<>());
          cpu.add(new ArrayList<>());
        });
        run(model, d, 2);
        for (int r = 0; r < rounds; r++) {
          for (int i = 0; i < variants.size(); i++) {
            touched.forEach(System::clearProperty);
            saved.forEach((k, v) -> {
              if (v != null) {
                System.setProperty(k, v);
              }
            });
            variants.get(i).properties().forEach(System::setProperty);
            double[][] t = run(model, d, epochs);
            for (int e = 1; e < epochs; e++) {
              wall.get(i).add(t[0][e]);
              cpu.get(i).add(t[1][e]);
            }
          }
        }
        double w0 = Bench.median(wall.get(0));
        double c0 = Bench.median(cpu.get(0));
        for (int i = 0; i < variants.size(); i++) {
          double w = Bench.median(wall.get(i));
          double c = Bench.median(cpu.get(i));
          out.printf(Locale.ROOT, "| %s | %s | %s | %.3f | %.3f | %.3f | %.3f |%n", model, variants.get(i).name(),
              variants.get(i).properties().isEmpty() ? "-" : variants.get(i).properties().toString(), w, c, w / w0,
              c / c0);
        }
        out.flush();
      }
    } finally {
      touched.forEach(System::clearProperty);
      saved.forEach((k, v) -> {
        if (v != null) {
          System.setProperty(k, v);
        }
      });
    }
  }
}
