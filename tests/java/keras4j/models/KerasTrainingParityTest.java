package keras4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import keras4j.backend.Backend;
import keras4j.backend.KerasVariable;
import keras4j.optimizers.Optimizers;
import keras4j.saving.Hdf5;
import keras4j.saving.Json;
import keras4j.testing.KerasPython;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;

/**
 * Training parity with real Keras 3.15.1: one Python process (tests/python/training_parity.py) trains each run
 * (M1 784-32-784, the deep autoencoder M2, a small conv autoencoder and a classifier; every optimizer keras4j has,
 * with BCE, MSE and categorical cross-entropy) for 2 epochs on 512 deterministic MNIST-like rows without
 * shuffling, from Keras's seeded initial weights. keras4j loads the same model config and initial weights, trains
 * with the same settings, and must log the same per-epoch losses (1e-5 relative) and end with the same weights
 * (1e-4). With a validation split and no shuffle, val_loss must agree too. With shuffle on the batches differ
 * (Keras and keras4j draw different permutations), so only the validation split and the order of magnitude can
 * agree: that run checks that the losses stay within 2% and prints how far apart they are.
 */
class KerasTrainingParityTest {
  static final double LOSS_RTOL = 1e-5;
  static final double WEIGHT_ATOL = 1e-4;
  static final double SHUFFLED_RTOL = 2e-2;
  private static Path out;
  private static List<Map<String, Object>> runs;
  private static FloatNdArray x;
  private static FloatNdArray labels;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void trainInKeras() {
    KerasPython.python();
    out = Path.of("target", "training-parity").toAbsolutePath();
    String stdout = KerasPython.run(Path.of("tests", "python", "training_parity.py"), 1500, out.toString());
    String last = stdout.strip().substring(stdout.strip().lastIndexOf('\n') + 1);
    Map<String, Object> r = Json.parseObject(last, "training_parity.py output");
    runs = (List<Map<String, Object>>) r.get("runs");
    try (HdfFile f = new HdfFile(out.resolve("data.h5"))) {
      x = copy(Hdf5.floats((Dataset) f.getDatasetByPath("x")));
      labels = copy(Hdf5.floats((Dataset) f.getDatasetByPath("labels")));
    }
  }

  static Stream<String> runNames() {
    // The run list is fixed in training_parity.py; the names here must match it (checked in the test).
    List<String> names = new ArrayList<>();
    for (String opt : List.of("adam", "adam_amsgrad", "adamax", "nadam", "adagrad", "sgd", "sgd_momentum",
        "sgd_nesterov", "rmsprop", "rmsprop_centered", "rmsprop_momentum", "adadelta")) {
      names.add("m1_" + opt + "_bce");
      names.add("m1_" + opt + "_mse");
    }
    for (String opt : List.of("adam", "sgd_momentum", "rmsprop", "adadelta")) {
      names.add("m2_" + opt + "_bce");
    }
    names.add("m2_adam_mse");
    names.add("conv_adam_bce");
    names.add("conv_adadelta_bce");
    for (String opt : List.of("adam", "sgd_nesterov", "rmsprop")) {
      names.add("clf_" + opt + "_cce");
    }
    names.add("m1_adam_bce_valsplit");
    names.add("m1_adam_bce_valsplit_shuffle");
    return names.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("runNames")
  @SuppressWarnings("unchecked")
  void sameLossesAndWeightsAsKeras(String name) throws IOException {
    Map<String, Object> run = runs.stream().filter(r -> name.equals(r.get("name"))).findFirst().orElse(null);
    assertNotNull(run, "training_parity.py made no run " + name);
    Path dir = Path.of((String) run.get("dir"));
    Map<String, Object> spec = (Map<String, Object>) run.get("optimizer_spec");
    boolean shuffle = Boolean.TRUE.equals(run.get("shuffle"));
    double split = run.get("validation_split") instanceof Number n ? n.doubleValue() : 0.0;
    FloatNdArray in = "conv".equals(run.get("model")) ? reshape(x, 28, 28, 1) : x;
    FloatNdArray target = "clf".equals(run.get("model")) ? labels : in;
    Map<String, List<Double>> keras = new java.util.HashMap<>();
    Json.parseObject(Files.readString(dir.resolve("history.json")), "history.json")
        .forEach((k, v) -> keras.put(k, ((List<Object>) v).stream().map(o -> ((Number) o).doubleValue()).toList()));
    try (Model m = Models.fromJson(Files.readString(dir.resolve("model.json")))) {
      m.loadWeights(dir.resolve("init.weights.h5"));
      m.compile(Optimizers.fromConfig((String) spec.get("class_name"), (Map<String, Object>) spec.get("config")),
          (String) run.get("loss"));
      List<Fit.Option> opts = new ArrayList<>(List.of(Fit.epochs(((Number) run.get("epochs")).intValue()),
          Fit.batchSize(((Number) run.get("batch_size")).intValue()), Fit.shuffle(shuffle), Fit.verbose(0)));
      if (split > 0) {
        opts.add(Fit.validationSplit(split));
      }
      History h = m.fit(in, target, opts.toArray(new Fit.Option[0]));
      for (String key : keras.keySet()) {
        List<Double> k = keras.get(key);
        List<Double> j = h.history().get(key);
        assertNotNull(j, name + ": keras4j logs no " + key);
        assertEquals(k.size(), j.size(), name + ": epochs of " + key);
        for (int e = 0; e < k.size(); e++) {
          double rel = Math.abs(j.get(e) - k.get(e)) / Math.abs(k.get(e));
          String msg = String.format(Locale.ROOT, "%s epoch %d %s: keras4j %.8f, Keras %.8f (relative %.2e)", name,
              e + 1, key, j.get(e), k.get(e), rel);
          if (shuffle && key.equals("loss")) {
            System.out.println("shuffled run (batches differ by design): " + msg);
            assertTrue(rel <= SHUFFLED_RTOL, msg);
          } else if (shuffle) {
            System.out.println("shuffled run: " + msg);
            assertTrue(rel <= SHUFFLED_RTOL, msg);
          } else {
            Report.loss(name, rel);
            assertTrue(rel <= LOSS_RTOL, msg);
          }
        }
      }
      if (shuffle) {
        return;
      }
      List<KerasVariable> ws = m.weights();
      double worst = 0;
      try (HdfFile f = new HdfFile(dir.resolve("final.h5"))) {
        for (int i = 0; i < ws.size(); i++) {
          FloatNdArray kw = Hdf5.floats((Dataset) f.getDatasetByPath("w" + i));
          FloatNdArray jw = ws.get(i).numpy();
          assertEquals(kw.shape(), jw.shape(), name + ": shape of weight " + i);
          worst = Math.max(worst, keras4j.testing.IoFile.maxAbsDiff(jw, kw));
        }
        assertNotNull(f.getChild("w" + (ws.size() - 1)));
        assertTrue(f.getChild("w" + ws.size()) == null, name + ": Keras has more weights than keras4j");
      }
      Report.weights(name, worst);
      assertTrue(worst <= WEIGHT_ATOL, name + ": final weights differ from Keras's by " + worst);
    }
  }

  private static FloatNdArray copy(FloatNdArray a) {
    FloatNdArray c = NdArrays.ofFloats(a.shape());
    a.copyTo(c);
    return c;
  }

  private static FloatNdArray reshape(FloatNdArray a, long... inner) {
    org.tensorflow.ndarray.buffer.FloatDataBuffer buf = DataBuffers.ofFloats(a.shape().size());
    a.copyTo(NdArrays.wrap(a.shape(), buf));
    long[] dims = new long[inner.length + 1];
    dims[0] = a.shape().get(0);
    System.arraycopy(inner, 0, dims, 1, inner.length);
    return NdArrays.wrap(Shape.of(dims), buf);
  }

  @AfterAll
  static void cleanup() {
    Backend.clearSession();
    Report.print();
  }

  /** The worst differences per model family, printed as a table at the end. */
  static final class Report {
    private static final Map<String, double[]> WORST = new java.util.TreeMap<>();

    static synchronized void loss(String run, double rel) {
      WORST.computeIfAbsent(family(run), k -> new double[3])[0] = Math.max(WORST.get(family(run))[0], rel);
      WORST.get(family(run))[2]++;
    }

    static synchronized void weights(String run, double diff) {
      WORST.computeIfAbsent(family(run), k -> new double[3])[1] = Math.max(WORST.get(family(run))[1], diff);
    }

    private static String family(String run) {
      return run.substring(0, run.indexOf('_'));
    }

    static synchronized void print() {
      StringBuilder sb = new StringBuilder("\nTraining parity with Keras 3.15.1\n| model | loss values | worst loss "
          + "(relative) | worst final weight |\n|---|---|---|---|\n");
      WORST.forEach((k, v) -> sb.append(String.format(Locale.ROOT, "| %s | %d | %.1e | %.1e |%n", k, (int) v[2], v[0],
          v[1])));
      System.out.println(sb);
    }
  }
}
