package keras4j.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import keras4j.backend.Backend;
import keras4j.layers.Dense;
import keras4j.layers.Layer;
import keras4j.models.Model;
import keras4j.models.Models;
import keras4j.models.Sequential;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;

/**
 * How graph construction scales with model size: Sequential stacks of 250 ... 5,000 Dense layers, built through the
 * API ({@code Sequential(layers)}) and again from their JSON config, then run once. Prints wall and process CPU
 * seconds of building and of the first predict (which initialises the weights), and CPU milliseconds per layer:
 * linear construction keeps the per-layer figure flat. Run: {@code java -cp ... keras4j.bench.ModelSizeBench [sizes]}.
 */
public final class ModelSizeBench {
  private ModelSizeBench() {}

  public static void main(String[] args) {
    int[] sizes = args.length == 0 ? new int[] {250, 500, 1000, 2000, 5000}
        : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
    System.out.printf("%7s %-5s %9s %9s %11s %11s %13s %9s%n", "layers", "path", "build s", "build cpu",
        "1st run s", "1st run cpu", "cpu ms/layer", "graph ops");
    for (int n : sizes) {
      Backend.clearSession();
      FloatNdArray x = NdArrays.ofFloats(Shape.of(2, 4));
      double[] t = start();
      List<Layer> stack = new ArrayList<>();
      stack.add(new Dense(4).inputShape(4));
      for (int i = 1; i < n; i++) {
        stack.add(new Dense(4));
      }
      Sequential s = new Sequential(stack);
      double[] built = start();
      s.predict(x, keras4j.models.Fit.verbose(0));
      report(n, "api", t, built, start());
      String json = s.toJson();
      Backend.clearSession();
      t = start();
      Model m = Models.fromJson(json);
      built = start();
      m.predict(x, keras4j.models.Fit.verbose(0));
      report(n, "json", t, built, start());
      m.close();
    }
    Backend.clearSession();
  }

  private static double[] start() {
    return new double[] {System.nanoTime() / 1e9, cpuSeconds()};
  }

  private static void report(int n, String path, double[] t0, double[] t1, double[] t2) {
    double cpu = t2[1] - t0[1];
    System.out.printf("%7d %-5s %9.2f %9.2f %11.2f %11.2f %13.2f %9d%n", n, path, t1[0] - t0[0], t1[1] - t0[1],
        t2[0] - t1[0], t2[1] - t1[1], cpu * 1000 / n, countOps());
  }

  static double cpuSeconds() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime() / 1e9;
  }

  static long countOps() {
    long n = 0;
    for (var it = Backend.context().graph().operations(); it.hasNext(); it.next()) {
      n++;
    }
    return n;
  }
}
