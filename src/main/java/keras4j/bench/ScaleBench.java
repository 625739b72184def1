package keras4j.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import keras4j.backend.Backend;
import keras4j.callbacks.Callback;
import keras4j.datasets.Mnist;
import keras4j.layers.Dense;
import keras4j.layers.Input;
import keras4j.layers.KerasTensor;
import keras4j.models.Fit;
import keras4j.models.Model;
import keras4j.utils.MappedNpy;
import keras4j.utils.Np;
import keras4j.utils.NpyDataset;
import keras4j.utils.NpyWriter;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * Figures for streaming and Spark ({@code ./keras4j scale-bench [streaming|rss|spark|all]}): epoch time of
 * {@code fit} from a memory-mapped {@code .npy} against the in-memory engine on MNIST (same run, alternated);
 * resident memory of a JVM with a small heap training from a file several times larger than its heap; Spark's
 * scoring throughput against in-process {@code predict} on the same rows, with 1 and 2 partitions. Prints ratios
 * against the peer measured in the same run, as the machine is shared.
 */
public final class ScaleBench {
  private ScaleBench() {}

  public static void main(String[] args) throws Exception {
    String what = args.length > 0 ? args[0] : "all";
    PrintStream out = System.out;
    switch (what) {
      case "streaming" -> streaming(out, 3);
      case "rss" -> rss(out, args.length > 1 ? Long.parseLong(args[1]) : 700_000, "256m");
      case "rss-child" -> rssChild(Path.of(args[1]));
      case "spark" -> spark(out, 3);
      case "all" -> {
        streaming(out, 3);
        rss(out, 700_000, "256m");
        spark(out, 3);
      }
      default -> throw new IllegalArgumentException("scale-bench: expected streaming, rss, spark or all, received "
          + what);
    }
  }

  private static Model autoencoder(boolean deep) {
    KerasTensor in = Input.shape(784);
    KerasTensor x = in;
    int[] widths = deep ? new int[] {128, 64, 32, 64, 128} : new int[] {32};
    for (int w : widths) {
      x = new Dense(w, "relu").apply(x);
    }
    Model m = new Model(in, new Dense(784, "sigmoid").apply(x));
    m.compile("adam", "binary_crossentropy");
    return m;
  }

  /** Records each epoch's seconds. */
  static final class EpochSeconds extends Callback {
    final List<Double> seconds = new ArrayList<>();
    private long start;

    @Override
    public void onEpochBegin(int epoch, Map<String, Double> logs) {
      start = System.nanoTime();
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
      seconds.add((System.nanoTime() - start) / 1e9);
    }
  }

  private static double median(List<Double> v) {
    List<Double> s = new ArrayList<>(v);
    Collections.sort(s);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  /** Streaming vs in-memory epoch time, MNIST 60,000 x 784, batch 256, alternated rounds of 3 epochs. */
  static void streaming(PrintStream out, int rounds) throws IOException {
    FloatNdArray x = Np.reshape(Np.asFloat32(Mnist.loadData().xTrain(), 255.0), -1, 784);
    Path dir = Files.createTempDirectory("keras4j-scale");
    Path file = NpyWriter.save(dir.resolve("mnist_x.npy"), x);
    out.println("== fit: streaming from a memory-mapped .npy (NpyDataset) vs in memory, MNIST 60,000 x 784, batch 256");
    out.println("| model | in memory s/epoch | streaming s/epoch | streaming / in memory |");
    out.println("|---|---|---|---|");
    try {
      for (boolean deep : new boolean[] {false, true}) {
        List<Double> mem = new ArrayList<>();
        List<Double> str = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
          for (int k = 0; k < 2; k++) {
            boolean streamingRun = (r + k) % 2 == 1;
            Backend.clearSession();
            Backend.setRandomSeed(r);
            Model m = autoencoder(deep);
            EpochSeconds t = new EpochSeconds();
            if (streamingRun) {
              try (NpyDataset ds = NpyDataset.autoencoder(file, 256)) {
                m.fit(ds, Fit.epochs(3), Fit.verbose(0), Fit.callbacks(t));
              }
            } else {
              m.fit(x, x, Fit.epochs(3), Fit.batchSize(256), Fit.verbose(0), Fit.callbacks(t));
            }
            (streamingRun ? str : mem).addAll(t.seconds.subList(1, t.seconds.size()));
            m.close();
          }
        }
        double a = median(mem);
        double b = median(str);
        out.println(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f |",
            deep ? "M2 784-128-64-32-64-128-784" : "M1 784-32-784", a, b, b / a));
      }
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(dir);
    }
  }

  /** Writes a file of {@code rows} x 784 (several times the child's heap) and trains one epoch in a small JVM. */
  static void rss(PrintStream out, long rows, String heap) throws Exception {
    Path dir = Files.createTempDirectory("keras4j-rss");
    Path file = dir.resolve("big.npy");
    try {
      long t0 = System.nanoTime();
      Random r = new Random(1);
      try (MappedNpy m = MappedNpy.create(file, rows, 784)) {
        float[] chunk = new float[4096 * 784];
        for (long row = 0; row < rows; row += 4096) {
          int n = (int) Math.min(4096, rows - row);
          for (int i = 0; i < n * 784; i++) {
            chunk[i] = r.nextInt(256) / 255f;
          }
          m.write(row, chunk, 0, n);
        }
      }
      out.println(String.format(Locale.ROOT, "== resident memory: fit from a %.2f GB .npy (%,d x 784 float32) in a "
          + "JVM with -Xmx%s (file written in %.0f s)", Files.size(file) / 1e9, rows, heap,
          (System.nanoTime() - t0) / 1e9));
      String javaBin = ProcessHandle.current().info().command().orElse("java");
      List<String> cmd = new ArrayList<>(List.of(javaBin, "-Xmx" + heap, "-cp", System.getProperty("java.class.path"),
          ScaleBench.class.getName(), "rss-child", file.toString()));
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      p.getOutputStream().close();
      byte[] text = p.getInputStream().readAllBytes();
      int rc = p.waitFor();
      out.print(new String(text, java.nio.charset.StandardCharsets.UTF_8));
      if (rc != 0) {
        out.println("(child exited with " + rc + ")");
      }
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(dir);
    }
  }

  private static long[] status() {
    long[] v = new long[4];
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        String[] f = line.split("\\s+");
        switch (f[0]) {
          case "VmRSS:" -> v[0] = Long.parseLong(f[1]);
          case "VmHWM:" -> v[1] = Long.parseLong(f[1]);
          case "RssAnon:" -> v[2] = Long.parseLong(f[1]);
          case "RssFile:" -> v[3] = Long.parseLong(f[1]);
          default -> { }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return v;
  }

  static void rssChild(Path file) {
    Model m = autoencoder(false);
    long[] before = status();
    long[] max = new long[4];
    Thread sampler = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        long[] s = status();
        for (int i = 0; i < 4; i++) {
          max[i] = Math.max(max[i], s[i]);
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    sampler.setDaemon(true);
    sampler.start();
    long t0 = System.nanoTime();
    long rows;
    try (NpyDataset ds = NpyDataset.autoencoder(file, 1024)) {
      rows = ds.samples();
      m.fit(ds, Fit.epochs(1), Fit.verbose(0), Fit.shuffle(true));
    }
    double s = (System.nanoTime() - t0) / 1e9;
    sampler.interrupt();
    long[] after = status();
    System.out.println("| | RSS | of which anonymous | of which file pages |");
    System.out.println("|---|---|---|---|");
    System.out.println(String.format(Locale.ROOT, "| before fit | %,d MB | %,d MB | %,d MB |", before[0] >> 10,
        before[2] >> 10, before[3] >> 10));
    System.out.println(String.format(Locale.ROOT, "| peak during fit (sampled every 0.1 s) | %,d MB | %,d MB | %,d MB |",
        max[0] >> 10, max[2] >> 10, max[3] >> 10));
    System.out.println(String.format(Locale.ROOT, "| after fit | %,d MB | %,d MB | %,d MB |", after[0] >> 10,
        after[2] >> 10, after[3] >> 10));
    System.out.println(String.format(Locale.ROOT, "one epoch over %,d rows (batch 1024, shuffled batch order) in "
        + "%.1f s; max heap %,d MB", rows, s, Runtime.getRuntime().maxMemory() >> 20));
  }

  /** Spark scoring vs in-process predict on the same 70,000 rows; 1 and 2 partitions. */
  static void spark(PrintStream out, int rounds) {
    SparkScale.run(out, rounds);
  }
}
