package keras4j.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bench's Python peers, each run as a child process that prints JSON lines: PyTorch
 * ({@code bench/peer_pytorch.py}, Debian's python3-torch) and real Keras 3.15.1 on TensorFlow 2.21 and on JAX 0.10.2
 * ({@code bench/peer_keras.py}, from a venv). A peer whose interpreter or data is missing is skipped with a message.
 */
final class Peers {
  /** The pinned packages of the Keras venv ({@code keras4j bench --with-keras} creates it). */
  static final List<String> KERAS_PACKAGES = List.of("keras==3.15.1", "tensorflow-cpu==2.21.0", "jax==0.10.2",
      "jaxlib==0.10.2", "numpy");

  /** Keras's two backends as the bench names them. */
  static final List<String> KERAS_BACKENDS = List.of("tensorflow", "jax");

  private final PrintStream out;
  private final Path home = Path.of(System.getProperty("keras4j.home", "."));
  private final Path data = keras4j.datasets.DatasetLoader.defaultCacheDir().resolve("mnist.npz");
  private final String torchPython = System.getenv().getOrDefault("KERAS4J_PYTHON", "/usr/bin/python3");
  private final Path kerasPython;
  private boolean torchSkipped;
  private boolean kerasSkipped;

  Peers(String kerasPythonOption, boolean createVenv, boolean keras, PrintStream out) {
    this.out = out;
    this.kerasPython = keras ? findKerasPython(kerasPythonOption, createVenv) : null;
  }

  /** The venv under target/ that {@code --with-keras} creates. */
  Path defaultVenv() {
    return home.resolve("target").resolve("keras-venv");
  }

  private Path findKerasPython(String option, boolean createVenv) {
    String configured = option != null ? option : System.getenv("KERAS4J_BENCH_KERAS_PYTHON");
    if (configured != null) {
      Path p = Path.of(configured);
      if (!Files.isExecutable(p)) {
        throw new IllegalArgumentException("Keras peer interpreter " + p + " does not exist or is not executable");
      }
      return p;
    }
    Path venvPython = defaultVenv().resolve("bin").resolve("python");
    if (!Files.isExecutable(venvPython) && createVenv) {
      createVenv();
    }
    if (Files.isExecutable(venvPython)) {
      return venvPython;
    }
    out.println("(Keras peers skipped: no venv at " + defaultVenv() + "; `keras4j bench --with-keras` creates it, or "
        + "--keras-python PATH / KERAS4J_BENCH_KERAS_PYTHON names an interpreter with " + String.join(" ", KERAS_PACKAGES)
        + ")");
    return null;
  }

  private void createVenv() {
    Path venv = defaultVenv();
    out.println("Creating " + venv + " with " + String.join(" ", KERAS_PACKAGES) + " ...");
    out.flush();
    List<String> pip = new ArrayList<>(List.of(venv.resolve("bin").resolve("pip").toString(), "install", "-q",
        "--retries", "0"));
    pip.addAll(KERAS_PACKAGES);
    for (List<String> cmd : List.of(List.of("python3", "-m", "venv", venv.toString()), pip)) {
      try {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
          out.println("(could not create the Keras venv: `" + String.join(" ", cmd) + "` failed: " + tail(log) + ")");
          return;
        }
      } catch (IOException e) {
        out.println("(could not create the Keras venv: " + e.getMessage() + ")");
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  boolean hasKeras() {
    return kerasPython != null;
  }

  /** PyTorch's epoch times for one model, or null (skipped, with the reason printed once). */
  List<Double> pytorchEpochs(String model, int epochs, int samples) {
    Path script = home.resolve("bench").resolve("peer_pytorch.py");
    if (!Files.exists(script) || !Files.exists(data)) {
      if (!torchSkipped) {
        out.println("(PyTorch peer skipped: needs " + script + " and " + data + ")");
      }
      torchSkipped = true;
      return null;
    }
    Map<String, String> env = new LinkedHashMap<>();
    env.put("OPENBLAS_NUM_THREADS", "1");
    env.put("MALLOC_MMAP_THRESHOLD_", "33554432");
    env.put("MALLOC_TRIM_THRESHOLD_", "17179869184");
    List<Map<String, Object>> rows = run("PyTorch", List.of(torchPython, script.toString(), "--data", data.toString(),
        "--models", model, "--epochs", Integer.toString(epochs), "--threads",
        Integer.toString(Runtime.getRuntime().availableProcessors()), "--samples", Integer.toString(samples)), env);
    for (Map<String, Object> row : rows) {
      if (model.equals(row.get("model"))) {
        return numbers(row.get("epoch_seconds"));
      }
    }
    return null;
  }

  /** Keras's epoch times for one model on one backend, or null. */
  List<Double> kerasEpochs(String backend, String model, int epochs, int samples) {
    for (Map<String, Object> row : keras(backend, List.of("--models", model, "--epochs", Integer.toString(epochs),
        "--samples", Integer.toString(samples)))) {
      if ("train".equals(row.get("kind")) && model.equals(row.get("model"))) {
        return numbers(row.get("epoch_seconds"));
      }
    }
    return null;
  }

  /** Keras's latency and throughput rows for the given models on one backend. */
  List<Map<String, Object>> kerasInference(String backend, List<String> models, int latencyCalls, int predictCalls) {
    return keras(backend, List.of("--models", "", "--inference", String.join(",", models), "--latency-calls",
        Integer.toString(latencyCalls), "--predict-calls", Integer.toString(predictCalls)));
  }

  private List<Map<String, Object>> keras(String backend, List<String> args) {
    if (kerasPython == null) {
      return List.of();
    }
    Path script = home.resolve("bench").resolve("peer_keras.py");
    if (!Files.exists(script) || !Files.exists(data)) {
      if (!kerasSkipped) {
        out.println("(Keras peers skipped: needs " + script + " and " + data + ")");
      }
      kerasSkipped = true;
      return List.of();
    }
    List<String> cmd = new ArrayList<>(List.of(kerasPython.toString(), script.toString(), "--backend", backend,
        "--data", data.toString()));
    cmd.addAll(args);
    Map<String, String> env = new LinkedHashMap<>();
    env.put("KERAS_BACKEND", backend);
    env.put("TF_CPP_MIN_LOG_LEVEL", "3");
    return run("Keras-" + backend, cmd, env);
  }

  /** Runs a peer; returns its JSON lines. Other output is shown only when the peer fails. */
  private List<Map<String, Object>> run(String label, List<String> cmd, Map<String, String> env) {
    List<Map<String, Object>> rows = new ArrayList<>();
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().putAll(env);
    pb.redirectErrorStream(true);
    try {
      Process p = pb.start();
      String all = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      StringBuilder other = new StringBuilder();
      for (String line : all.split("\n")) {
        if (line.startsWith("{")) {
          rows.add(keras4j.saving.Json.parseObject(line, label + " peer output"));
        } else if (!line.isBlank()) {
          other.append(line).append('\n');
        }
      }
      if (p.waitFor() != 0) {
        out.println("(" + label + " peer failed: " + tail(other.toString()) + ")");
      }
    } catch (IOException e) {
      out.println("(" + label + " peer skipped: " + e.getMessage() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return rows;
  }

  private static String tail(String log) {
    String[] lines = log.strip().split("\n");
    return String.join(" / ", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - 3), lines.length));
  }

  private static List<Double> numbers(Object list) {
    List<Double> times = new ArrayList<>();
    for (Object t : (List<?>) list) {
      times.add(((Number) t).doubleValue());
    }
    return times;
  }
}
