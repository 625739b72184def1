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
 * after the first, which includes graph building) and the ratios to Keras.
 *
 * <pre>
 * java -cp target/classes:$(cat cp.txt) keras4j.bench.SequenceBench [--epochs 3] [--samples 60000] [--latent 64]
 *     [--python /path/to/python-with-keras]   (default: $KERAS4J_KERAS_PYTHON)
 * </pre>
 */
public final class SequenceBench {
  private SequenceBench() {}

  static Model autoencoder(int latent, boolean fused) {
    KerasTensor in = Input.shape(28, 28);
    KerasTensor h = new LSTM(latent).fused(fused).apply(in);
    h = new RepeatVector(28).apply(h);
    h = new LSTM(28).returnSequences(true).fused(fused).apply(h);
    return new Model(in, h);
  }

  static double median(List<Double> epochSeconds) {
    List<Double> s = new ArrayList<>(epochSeconds.size() > 1 ? epochSeconds.subList(1, epochSeconds.size())
        : epochSeconds);
    s.sort(Double::compare);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  static List<Double> keras4j(FloatNdArray x, int epochCount, int latent, boolean fused, List<Double> losses) {
    Backend.clearSession();
    Backend.setRandomSeed(1);
    try (Model m = autoencoder(latent, fused)) {
      m.compile("adam", "mse");
      EpochTimer timer = new EpochTimer();
      History h = m.fit(x, x, epochs(epochCount), batchSize(128), shuffle(true), verbose(0), callbacks(timer));
      losses.addAll(h.history().get("loss"));
      return timer.seconds();
    } finally {
      Backend.clearSession();
    }
  }

  static List<Double> keras(String python, Path data, int epochCount, int samples, int latent, List<Double> losses)
      throws IOException, InterruptedException {
    Path script = Path.of(System.getProperty("keras4j.home", "."), "bench", "peer_keras_sequence.py");
    ProcessBuilder pb = new ProcessBuilder(python, script.toString(), "--data", data.toString(), "--epochs",
        Integer.toString(epochCount), "--samples", Integer.toString(samples), "--latent", Integer.toString(latent));
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
    for (int i = 0; i + 1 < args.length; i += 2) {
      opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    int epochCount = Integer.parseInt(opt.getOrDefault("epochs", "3"));
    int samples = Integer.parseInt(opt.getOrDefault("samples", "60000"));
    int latent = Integer.parseInt(opt.getOrDefault("latent", "64"));
    String python = opt.getOrDefault("python", System.getenv().getOrDefault("KERAS4J_KERAS_PYTHON",
        "target/keras-venv/bin/python"));
    ImageDataset mnist = Mnist.loadData();
    FloatNdArray all = Np.reshape(Np.asFloat32(mnist.xTrain(), 255.0), -1, 28, 28);
    FloatNdArray x = Np.rows(all, 0, samples);
    Path data = keras4j.datasets.DatasetLoader.defaultCacheDir().resolve("mnist.npz");
    if (!Files.exists(data)) {
      throw new IllegalStateException("The Keras peer reads " + data + "; run Python's mnist.load_data() once");
    }
    System.out.printf("LSTM seq2seq autoencoder: %d sequences of 28 x 28, latent %d, batch 128, %d epochs, %d cores%n",
        samples, latent, epochCount, Runtime.getRuntime().availableProcessors());
    Map<String, List<Double>> times = new LinkedHashMap<>();
    Map<String, List<Double>> losses = new LinkedHashMap<>();
    for (String variant : List.of("keras4j fused", "keras4j steps", "Keras 3 / TF")) {
      List<Double> loss = new ArrayList<>();
      List<Double> t = switch (variant) {
        case "keras4j fused" -> keras4j(x, epochCount, latent, true, loss);
        case "keras4j steps" -> keras4j(x, epochCount, latent, false, loss);
        default -> keras(python, data, epochCount, samples, latent, loss);
      };
      times.put(variant, t);
      losses.put(variant, loss);
      System.out.printf("  %-14s epochs %s s, loss %s%n", variant, fmt(t), fmt(loss));
    }
    double keras = median(times.get("Keras 3 / TF"));
    System.out.println();
    System.out.println("| variant | s/epoch (median after the first) | time / Keras-TF |");
    System.out.println("|---|---|---|");
    for (Map.Entry<String, List<Double>> e : times.entrySet()) {
      double m = median(e.getValue());
      System.out.printf("| %s | %.2f | %.2fx |%n", e.getKey(), m, m / keras);
    }
  }

  private static String fmt(List<Double> v) {
    List<String> s = new ArrayList<>();
    v.forEach(d -> s.add(String.format(d < 1 ? "%.4f" : "%.2f", d)));
    return s.toString();
  }
}
