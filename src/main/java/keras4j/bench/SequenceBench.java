package keras4j.bench;

import static keras4j.models.Fit.batchSize;
import static keras4j.models.Fit.callbacks;
import static keras4j.models.Fit.epochs;
import static keras4j.models.Fit.shuffle;
import static keras4j.models.Fit.verbose;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import keras4j.backend.Backend;
import keras4j.datasets.ImageDataset;
import keras4j.datasets.Mnist;
import keras4j.examples.EpochTimer;
import keras4j.layers.GRU;
import keras4j.layers.Input;
import keras4j.layers.KerasTensor;
import keras4j.layers.LSTM;
import keras4j.layers.RepeatVector;
import keras4j.models.History;
import keras4j.models.Model;
import keras4j.utils.Np;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * Benchmark of the Keras blog's LSTM sequence-to-sequence autoencoder (MNIST rows as sequences: 28 steps of 28
 * features; {@code LSTM(latent)}, {@code RepeatVector(28)}, {@code LSTM(28, return_sequences=True)}, Adam + mse,
 * batch 128): keras4j with the fused LSTM kernel, keras4j with the steps laid out in the graph, and real Keras on
 * TensorFlow ({@code bench/peer_keras_sequence.py}) in the same run. Reports seconds per epoch (median of the epochs
 * after the first, which includes graph building, and the best epoch) and the ratios to Keras. {@code --cell gru}
 * runs the same autoencoder with GRU layers (keras4j lays out GRU steps in the graph); {@code --profile} prints where
 * 20 training steps of keras4j's model spend their time instead ({@code --layout steps}: the LSTM laid out in steps).
 *
 * <pre>
 * java -cp target/classes:$(cat cp.txt) keras4j.bench.SequenceBench [--epochs 3] [--samples 60000] [--latent 64]
 *     [--cell lstm|gru] [--profile [--layout fused|steps]] [--python /path/to/python-with-keras]   (default: $KERAS4J_KERAS_PYTHON)
 * </pre>
 */
public final class SequenceBench {
  private SequenceBench() {}

  static Model autoencoder(int latent, boolean fused) {
    return autoencoder("lstm", latent, fused);
  }

  static Model autoencoder(String cell, int latent, boolean fused) {
    KerasTensor in = Input.shape(28, 28);
    boolean gru = cell.equals("gru");
    KerasTensor h = (gru ? new GRU(latent) : new LSTM(latent).fused(fused)).apply(in);
    h = new RepeatVector(28).apply(h);
    h = (gru ? new GRU(28).returnSequences(true) : new LSTM(28).returnSequences(true).fused(fused)).apply(h);
    return new Model(in, h);
  }

  static double best(List<Double> epochSeconds) {
    return epochSeconds.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
  }

  static double median(List<Double> epochSeconds) {
    List<Double> s = new ArrayList<>(epochSeconds.size() > 1 ? epochSeconds.subList(1, epochSeconds.size())
        : epochSeconds);
    s.sort(Double::compare);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  static List<Double> keras4j(FloatNdArray x, String cell, int epochCount, int latent, boolean fused,
      List<Double> losses) {
    Backend.clearSession();
    Backend.setRandomSeed(1);
    try (Model m = autoencoder(cell, latent, fused)) {
      m.compile("adam", "mse");
      EpochTimer timer = new EpochTimer();
      History h = m.fit(x, x, epochs(epochCount), batchSize(128), shuffle(true), verbose(0), callbacks(timer));
      losses.addAll(h.history().get("loss"));
      return timer.seconds();
    } finally {
      Backend.clearSession();
    }
  }

  static List<Double> keras(String python, Path data, String cell, int epochCount, int samples, int latent,
      List<Double> losses) throws IOException, InterruptedException {
    Path script = Path.of(System.getProperty("keras4j.home", "."), "bench", "peer_keras_sequence.py");
    ProcessBuilder pb = new ProcessBuilder(python, script.toString(), "--data", data.toString(), "--epochs",
        Integer.toString(epochCount), "--samples", Integer.toString(samples), "--latent", Integer.toString(latent),
        "--cell", cell);
    pb.redirectErrorStream(true);
    Process p = pb.start();
    List<Double> times = new ArrayList<>();
    for (String line : new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
      if (line.startsWith("{")) {
        Map<String, Object> row = keras4j.saving.Json.parseObject(line, "Keras peer output");
        for (Object t : (List<?>) row.get("epoch_seconds")) {
          times.add(((Number) t).doubleValue());
        }
        for (Object l : (List<?>) row.get("loss")) {
          losses.add(((Number) l).doubleValue());
        }
      }
    }
    if (p.waitFor() != 0 || times.isEmpty()) {
      throw new IllegalStateException("The Keras peer " + script + " failed (exit " + p.exitValue() + ")");
    }
    return times;
  }

  /** Runs the benchmark and prints a table. */
  public static void main(String[] args) throws Exception {
    Map<String, String> opt = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String key = args[i].replaceFirst("^--", "");
      if (key.equals("profile")) {
        opt.put(key, "true");
      } else if (i + 1 < args.length) {
        opt.put(key, args[++i]);
      } else {
        throw new IllegalArgumentException("Option " + args[i] + " needs a value");
      }
    }
    String cell = opt.getOrDefault("cell", "lstm");
    if (!cell.equals("lstm") && !cell.equals("gru")) {
      throw new IllegalArgumentException("--cell must be lstm or gru, received " + cell);
    }
    int epochCount = Integer.parseInt(opt.getOrDefault("epochs", "3"));
    int samples = Integer.parseInt(opt.getOrDefault("samples", "60000"));
    int latent = Integer.parseInt(opt.getOrDefault("latent", "64"));
    String python = opt.getOrDefault("python", System.getenv().getOrDefault("KERAS4J_KERAS_PYTHON",
        "target/keras-venv/bin/python"));
    ImageDataset mnist = Mnist.loadData();
    FloatNdArray all = Np.reshape(Np.asFloat32(mnist.xTrain(), 255.0), -1, 28, 28);
    FloatNdArray x = Np.rows(all, 0, samples);
    if (opt.containsKey("profile")) {
      profile(Np.rows(all, 0, 20L * 128), cell, latent, !"steps".equals(opt.get("layout")));
      return;
    }
    Path data = keras4j.datasets.DatasetLoader.defaultCacheDir().resolve("mnist.npz");
    if (!Files.exists(data)) {
      throw new IllegalStateException("The Keras peer reads " + data + "; run Python's mnist.load_data() once");
    }
    System.out.printf("%s seq2seq autoencoder: %d sequences of 28 x 28, latent %d, batch 128, %d epochs, %d cores, "
        + "TF threads intra %s inter %s%n", cell.toUpperCase(java.util.Locale.ROOT), samples, latent, epochCount,
        Runtime.getRuntime().availableProcessors(), System.getProperty("keras4j.intraOpThreads", "default"),
        System.getProperty("keras4j.interOpThreads", "default"));
    Map<String, List<Double>> times = new LinkedHashMap<>();
    Map<String, List<Double>> losses = new LinkedHashMap<>();
    List<String> variants = cell.equals("gru") ? List.of("keras4j steps", "Keras 3 / TF")
        : List.of("keras4j fused", "keras4j steps", "Keras 3 / TF");
    for (String variant : variants) {
      List<Double> loss = new ArrayList<>();
      List<Double> t = switch (variant) {
        case "keras4j fused" -> keras4j(x, cell, epochCount, latent, true, loss);
        case "keras4j steps" -> keras4j(x, cell, epochCount, latent, false, loss);
        default -> keras(python, data, cell, epochCount, samples, latent, loss);
      };
      times.put(variant, t);
      losses.put(variant, loss);
      System.out.printf("  %-14s epochs %s s, loss %s%n", variant, fmt(t), fmt(loss));
    }
    double keras = median(times.get("Keras 3 / TF"));
    double kerasBest = best(times.get("Keras 3 / TF"));
    System.out.println();
    System.out.println("| variant | s/epoch (median after the first) | time / Keras-TF | best epoch s | best / Keras-TF best |");
    System.out.println("|---|---|---|---|---|");
    for (Map.Entry<String, List<Double>> e : times.entrySet()) {
      double m = median(e.getValue());
      double b = best(e.getValue());
      System.out.printf("| %s | %.2f | %.2fx | %.2f | %.2fx |%n", e.getKey(), m, m / keras, b, b / kerasBest);
    }
  }

  /** Op times of 20 training steps of keras4j's autoencoder (after a warm-up epoch on the same samples). */
  static void profile(FloatNdArray x, String cell, int latent, boolean fused) {
    Backend.clearSession();
    try (Model m = autoencoder(cell, latent, fused)) {
      m.compile("adam", "mse");
      m.fit(x, x, epochs(1), batchSize(128), verbose(0));
      keras4j.backend.Context ctx = keras4j.backend.Context.current();
      ctx.startProfiling();
      m.fit(x, x, epochs(1), batchSize(128), verbose(0));
      keras4j.backend.Profile p = ctx.stopProfiling();
      System.out.println("Profile of the " + cell.toUpperCase(java.util.Locale.ROOT) + " autoencoder, batch 128:");
      p.table(15).forEach(System.out::println);
      System.out.println("The costliest single ops:");
      p.nodes(15).forEach(System.out::println);
    } finally {
      Backend.clearSession();
    }
  }

  private static String fmt(List<Double> v) {
    List<String> s = new ArrayList<>();
    v.forEach(d -> s.add(String.format(d < 1 ? "%.4f" : "%.2f", d)));
    return s.toString();
  }
}
