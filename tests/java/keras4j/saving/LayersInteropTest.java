package keras4j.saving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import keras4j.backend.Backend;
import keras4j.layers.*;
import keras4j.models.Fit;
import keras4j.models.Model;
import keras4j.models.Models;
import keras4j.models.Sequential;
import keras4j.testing.IoFile;
import keras4j.testing.KerasPython;
import keras4j.utils.Np;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * Models built in keras4j from every layer of issue 10 and the 1-D family (non-default options, random weights) are
 * written in every format keras4j writes ({@code .keras}, legacy {@code .h5}, {@code .weights.h5} with JSON in the
 * Keras 3 and the tf.keras 2.x dialects); each file is loaded back by keras4j, which must reproduce the outputs, and,
 * in one Python process for the class, by real Keras 3.15.1, whose outputs must match keras4j's within 1e-5 (Keras 3
 * cannot read tf.keras 2.x JSON at all, so that dialect is checked on the JVM and through the legacy .h5). Keras's
 * legacy .h5 loader keeps only the first of several LayerNormalization axes (saving_utils: {@code axis = int(axis[0])}),
 * so its own multi-axis files fail too: that one layer is left out of Keras's .h5 check.
 */
class LayersInteropTest {
  private static final String[] FORMATS = {"keras", "h5", "json+weights.h5", "tf2json+weights.h5"};
  private static final Map<String, Supplier<Model>> MODELS = new LinkedHashMap<>();
  @TempDir
  static Path out;
  private static final Map<String, List<FloatNdArray>> inputs = new LinkedHashMap<>();
  private static final Map<String, List<FloatNdArray>> outputs = new LinkedHashMap<>();
  private static final Map<String, String> kerasResults = new LinkedHashMap<>();

  static {
    MODELS.put("image", () -> new Sequential()
        .add(new ZeroPadding2D(1, 2, 0, 1).inputShape(8, 8, 3))
        .add(new Conv2D(6, 3).groups(3))
        .add(new DepthwiseConv2D(3).depthMultiplier(2).padding("same").dilationRate(2))
        .add(new SeparableConv2D(4, 2).strides(2).depthMultiplier(2).activation("relu"))
        .add(new LayerNormalization())
        .add(new GroupNormalization(2))
        .add(new PReLU().sharedAxes(1, 2))
        .add(new SpatialDropout2D(0.3))
        .add(new GaussianNoise(0.2))
        .add(new GaussianDropout(0.2))
        .add(new AlphaDropout(0.1))
        .add(new Cropping2D(1, 0, 0, 1))
        .add(new UnitNormalization())
        .add(new Rescaling(0.5, 0.1))
        .add(new Identity())
        .add(new GlobalMaxPooling2D().keepdims(true))
        .add(new Flatten()));
    MODELS.put("image_channels_first", () -> new Sequential()
        .add(new ZeroPadding2D(1).dataFormat("channels_first").inputShape(3, 5, 4))
        .add(new Cropping2D(2, 1, 0, 1).dataFormat("channels_first"))
        .add(new SpatialDropout2D(0.3).dataFormat("channels_first"))
        .add(new LayerNormalization(1).rmsScaling(true))
        .add(new GlobalAveragePooling2D().dataFormat("channels_first")));
    MODELS.put("layer_norm_axes", () -> new Sequential().add(new LayerNormalization(1, 3).inputShape(3, 5, 4)));
    MODELS.put("sequence", () -> new Sequential()
        .add(new ZeroPadding1D(2, 1).inputShape(12, 3))
        .add(new Conv1D(4, 3).padding("causal").dilationRate(2))
        .add(new Conv1D(4, 3).groups(2).padding("same").activation("tanh"))
        .add(new MaxPooling1D(2))
        .add(new Conv1DTranspose(3, 3).strides(2).padding("same"))
        .add(new Conv1DTranspose(3, 2).strides(2).outputPadding(1))
        .add(new AveragePooling1D(3).strides(2).padding("same"))
        .add(new UpSampling1D(2))
        .add(new Cropping1D(1, 1))
        .add(new SpatialDropout1D(0.2))
        .add(new GroupNormalization(-1))
        .add(new Permute(2, 1))
        .add(new Dense(2))
        .add(new GlobalMaxPooling1D().keepdims(true)));
    MODELS.put("sequence_channels_first", () -> new Sequential()
        .add(new MaxPooling1D(2).dataFormat("channels_first").inputShape(4, 10))
        .add(new ZeroPadding1D(1).dataFormat("channels_first"))
        .add(new AveragePooling1D(2).strides(1).dataFormat("channels_first"))
        .add(new GlobalAveragePooling1D().dataFormat("channels_first").keepdims(true)));
    MODELS.put("merges", () -> {
      KerasTensor a = Input.shape(4);
      KerasTensor b = Input.shape(4);
      KerasTensor c = Input.shape(3, 4);
      KerasTensor mul = new Multiply().apply(List.of(a, b)).get(0);
      KerasTensor sub = new Subtract().apply(List.of(a, b)).get(0);
      KerasTensor avg = new Average().apply(List.of(a, b, mul)).get(0);
      KerasTensor max = new Maximum().apply(List.of(a, sub)).get(0);
      KerasTensor min = new Minimum().apply(List.of(avg, max, b)).get(0);
      KerasTensor broad = new Multiply().apply(List.of(c, min)).get(0);
      KerasTensor dot = new Dot(1).apply(List.of(a, b)).get(0);
      KerasTensor cos = new Dot(-1).normalize(true).apply(List.of(min, sub)).get(0);
      KerasTensor mat = new Dot(2, 1).apply(List.of(broad, new Permute(2, 1).apply(c))).get(0);
      KerasTensor pair = new Dot(1, 1).apply(List.of(c, broad)).get(0);
      return new Model(List.of(a, b, c), List.of(new Concatenate().apply(List.of(dot, cos)).get(0), mat, pair,
          new Add().apply(List.of(broad, new Reshape(1, 4).apply(a))).get(0)));
    });
  }

  static Stream<Arguments> cases() {
    List<Arguments> a = new ArrayList<>();
    for (String m : MODELS.keySet()) {
      for (String f : FORMATS) {
        a.add(Arguments.of(m, f));
      }
    }
    return a.stream();
  }

  private static void randomize(Model m, long seed) {
    Random r = new Random(seed);
    List<FloatNdArray> ws = new ArrayList<>();
    for (FloatNdArray w : m.getWeights()) {
      float[] v = new float[(int) w.size()];
      for (int i = 0; i < v.length; i++) {
        v[i] = (float) (r.nextGaussian() * 0.5);
      }
      ws.add(Np.array(v, w.shape().asArray()));
    }
    m.setWeights(ws);
  }

  private static void writeRaw(Path p, FloatNdArray a) throws IOException {
    float[] v = Np.toFloatArray(a);
    ByteBuffer bb = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float f : v) {
      bb.putFloat(f);
    }
    Files.write(p, bb.array());
  }

  /** Builds, runs and writes every model, then lets real Keras load every file. */
  @BeforeAll
  static void writeAll() throws IOException {
    long seed = 1;
    for (Map.Entry<String, Supplier<Model>> e : MODELS.entrySet()) {
      Path d = Files.createDirectories(out.resolve(e.getKey()));
      try (Model m = e.getValue().get()) {
        randomize(m, seed++);
        List<FloatNdArray> x = new ArrayList<>();
        for (long[] s : m.inputShapes()) {
          long[] full = s.clone();
          full[0] = 3;
          x.add(keras4j.testing.LayerHarness.random(seed++, full));
        }
        List<FloatNdArray> y = m.predictAll(x, Fit.verbose(0));
        inputs.put(e.getKey(), x);
        outputs.put(e.getKey(), y);
        List<Object> io = new ArrayList<>();
        for (String kind : List.of("x", "y")) {
          List<FloatNdArray> arrays = kind.equals("x") ? x : y;
          for (int i = 0; i < arrays.size(); i++) {
            writeRaw(d.resolve(kind + i + ".bin"), arrays.get(i));
            io.add(Map.of("name", kind + i, "shape", keras4j.backend.Shapes.toList(arrays.get(i).shape().asArray())));
          }
        }
        Files.writeString(d.resolve("io.json"), Json.write(io));
        m.save(d.resolve("model.keras"));
        m.save(d.resolve("model.h5"));
        m.saveWeights(d.resolve("model.weights.h5"));
        Files.writeString(d.resolve("model.json"), m.toJson());
        Files.writeString(d.resolve("model_tf2.json"), SavingApi.toJson(m, true));
      }
      Backend.clearSession();
    }
    if (System.getenv("KERAS4J_KERAS_PYTHON") != null || Files.isExecutable(Path.of("target/keras-venv/bin/python"))
        || "true".equalsIgnoreCase(System.getenv("CI"))) {
      String stdout = KerasPython.run(Path.of("tests/python/load_keras4j_files.py"), 900, out.toString());
      for (String line : stdout.split("\n")) {
        String[] p = line.split("\t", 3);
        if (p.length >= 3) {
          kerasResults.put(p[0] + "/" + p[1], p[2]);
        }
      }
    }
  }

  private static Model load(Path d, String format) {
    try {
      switch (format) {
        case "keras":
          return Models.load(d.resolve("model.keras"));
        case "h5":
          return Models.load(d.resolve("model.h5"));
        default: {
          Model m = Models.fromJson(Files.readString(d.resolve(format.startsWith("tf2") ? "model_tf2.json" : "model.json")));
          m.loadWeights(d.resolve("model.weights.h5"));
          return m;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("cases")
  void keras4jWritesFilesThatKeras4jAndKerasLoad(String model, String format) {
    List<FloatNdArray> y = outputs.get(model);
    try (Model m = load(out.resolve(model), format)) {
      List<FloatNdArray> got = m.predictAll(inputs.get(model), Fit.verbose(0));
      assertEquals(y.size(), got.size());
      for (int i = 0; i < y.size(); i++) {
        assertEquals(0.0, IoFile.maxAbsDiff(got.get(i), y.get(i)), 1e-6, model + " written as " + format
            + " and read back by keras4j, output " + i);
      }
    }
    if (format.startsWith("tf2") || (format.equals("h5") && model.equals("layer_norm_axes"))) {
      return;
    }
    assertNotNull(KerasPython.python());
    String r = kerasResults.get(model + "/" + format);
    assertNotNull(r, model + " as " + format + ": Keras reported nothing");
    assertTrue(!r.startsWith("ERROR"), model + " written by keras4j as " + format + ": Keras failed: " + r);
    double diff = Double.parseDouble(r.trim());
    assertTrue(diff <= 1e-5, model + " written by keras4j as " + format + " and read by Keras: max |keras - keras4j| = "
        + diff);
  }

  @AfterAll
  static void cleanup() {
    Backend.clearSession();
  }
}
