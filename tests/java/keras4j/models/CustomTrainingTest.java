package keras4j.models;

import static keras4j.models.Fit.batchSize;
import static keras4j.models.Fit.epochs;
import static keras4j.models.Fit.shuffle;
import static keras4j.models.Fit.validationData;
import static keras4j.models.Fit.verbose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import keras4j.backend.Backend;
import keras4j.layers.BaseLayer;
import keras4j.layers.Dense;
import keras4j.layers.Input;
import keras4j.layers.KerasTensor;
import keras4j.layers.Lambda;
import keras4j.losses.Losses;
import keras4j.metrics.Metrics;
import keras4j.optimizers.Adam;
import keras4j.optimizers.SGD;
import keras4j.utils.Np;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Custom losses and metrics, addLoss, computeLoss overrides and a VAE's sampling layer, trained through fit. */
class CustomTrainingTest {
  @TempDir
  Path dir;

  @AfterEach
  void clear() {
    Backend.clearSession();
  }

  static FloatNdArray data(long n, long d, long seed) {
    Random r = new Random(seed);
    float[] v = new float[(int) (n * d)];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) r.nextGaussian();
    }
    return Np.array(v, n, d);
  }

  private Model dense(long seed) {
    Backend.setRandomSeed(seed);
    KerasTensor in = Input.shape(4);
    return new Model(in, new Dense(3).apply(new Dense(5, "tanh").apply(in)));
  }

  /** A Java loss function and a custom metric give the numbers of the built-in mse and mae. */
  @Test
  void javaLossAndMetricMatchBuiltins() {
    FloatNdArray x = data(10, 4, 1);
    FloatNdArray y = data(10, 3, 2);
    Model builtin = dense(5);
    builtin.compile(new SGD(0.1), Losses.get("mse"), List.of("mae"));
    History a = builtin.fit(x, y, epochs(3), batchSize(4), shuffle(false), verbose(0), validationData(x, y));
    Model custom = dense(5);
    custom.compile(new SGD(0.1), Losses.wrap((tf, t, p) -> tf.math.mean(tf.math.square(tf.math.sub(p, t)),
        tf.constant(-1))), List.of(Metrics.of("my_mae", (tf, t, p) -> tf.math.abs(tf.math.sub(p, t)))));
    History b = custom.fit(x, y, epochs(3), batchSize(4), shuffle(false), verbose(0), validationData(x, y));
    for (int e = 0; e < 3; e++) {
      assertEquals(a.history().get("loss").get(e), b.history().get("loss").get(e), 1e-6);
      assertEquals(a.history().get("mae").get(e), b.history().get("my_mae").get(e), 1e-6);
      assertEquals(a.history().get("val_mae").get(e), b.history().get("val_my_mae").get(e), 1e-6);
    }
    assertTrue(b.history().get("loss").get(2) < b.history().get("loss").get(0), "the custom loss falls");
  }

  /** {@code compile("adam", (tf, yTrue, yPred) -> ...)} compiles as written. */
  @Test
  void compileTakesALambda() {
    Model m = dense(3);
    m.compile("adam", (tf, t, p) -> tf.math.abs(tf.math.sub(p, t)));
    double l = m.evaluate(data(6, 4, 3), data(6, 3, 4), verbose(0));
    assertTrue(l > 0 && Double.isFinite(l));
  }

  /** A layer's addLoss adds the sum of its tensor to the evaluated loss, as Keras's add_loss. */
  @Test
  void addLossInCallIsAddedToTheLoss() {
    class Penalized extends BaseLayer<Penalized> {
      @Override
      protected Operand<TFloat32> call(Ops tf, Operand<TFloat32> x, boolean training) {
        addLoss(tf.math.mul(tf.constant(0.5f), tf.math.square(x)));
        return x;
      }
    }
    Backend.setRandomSeed(1);
    KerasTensor in = Input.shape(4);
    Model m = new Model(in, new Penalized().apply(new Dense(3).apply(in)));
    m.compile("sgd", "mse");
    FloatNdArray x = data(8, 4, 1);
    FloatNdArray y = data(8, 3, 2);
    float[] p = Np.toFloatArray(m.predict(x));
    float[] t = Np.toFloatArray(y);
    double mse = 0;
    double penalty = 0;
    for (int i = 0; i < p.length; i++) {
      mse += (p[i] - t[i]) * (p[i] - t[i]);
      penalty += 0.5 * p[i] * p[i];
    }
    double expected = mse / p.length + penalty;
    assertEquals(expected, m.evaluate(x, y, batchSize(8), verbose(0)), 1e-4 * expected);
  }

  /** The VAE's sampling layer trains with an unknown batch size (partial last batch), with a KL loss added. */
  @Test
  void vaeSamplingLayerTrainsWithUnknownBatchSize() {
    Backend.setRandomSeed(2);
    KerasTensor in = Input.shape(6);
    KerasTensor h = new Dense(8, "relu").apply(in);
    KerasTensor zMean = new Dense(2).name("z_mean").apply(h);
    KerasTensor zLogVar = new Dense(2).name("z_log_var").apply(h);
    KerasTensor z = Lambda.of((tf, xs) -> tf.math.add(xs.get(0), tf.math.mul(tf.math.exp(tf.math.mul(
        tf.constant(0.5f), xs.get(1))), tf.random.randomStandardNormal(tf.shape(xs.get(0)), TFloat32.class))))
        .name("z").apply(List.of(zMean, zLogVar)).get(0);
    assertEquals(List.of(-1L, 2L), List.of(z.shape()[0], z.shape()[1]));
    KerasTensor out = new Dense(6, "sigmoid").apply(new Dense(8, "relu").apply(z));
    Model vae = new Model(in, out);
    vae.addLoss((tf, v) -> {
      Operand<TFloat32> m = v.apply(zMean);
      Operand<TFloat32> lv = v.apply(zLogVar);
      Operand<TFloat32> kl = tf.math.mul(tf.constant(-0.5f), tf.math.sub(tf.math.sub(tf.math.add(tf.constant(1f), lv),
          tf.math.square(m)), tf.math.exp(lv)));
      return tf.math.mean(tf.sum(kl, tf.constant(1)), tf.constant(0));
    });
    vae.compile(new Adam(0.01), "binary_crossentropy");
    FloatNdArray x = sigmoid(data(30, 6, 7));
    History hist = vae.fit(x, x, epochs(15), batchSize(7), verbose(0));
    List<Double> loss = hist.history().get("loss");
    assertTrue(loss.stream().allMatch(Double::isFinite), "finite losses " + loss);
    assertTrue(loss.get(loss.size() - 1) < loss.get(0), "the VAE's loss falls: " + loss);
  }

  static FloatNdArray sigmoid(FloatNdArray a) {
    float[] v = Np.toFloatArray(a);
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (1 / (1 + Math.exp(-v[i])));
    }
    return Np.array(v, a.shape().asArray());
  }

  /** keras.io's VAE pattern: computeLoss overridden, fit without targets, extra metrics in the logs. */
  @Test
  void computeLossOverrideWithTrackedMetrics() {
    Backend.setRandomSeed(4);
    KerasTensor in = Input.shape(6);
    KerasTensor code = new Dense(3, "relu").apply(in);
    Model encoder = new Model(in, code);
    KerasTensor cin = Input.shape(3);
    Model decoder = new Model(cin, new Dense(6).apply(cin));
    class AE extends Model {
      AE() {
        super(encoder.inputs(), List.of(decoder.apply(encoder.output())));
      }

      @Override
      public Operand<TFloat32> computeLoss(Ops tf, List<Operand<TFloat32>> x, List<Operand<TFloat32>> y,
          List<Operand<TFloat32>> yPred, boolean training) {
        Operand<TFloat32> c = encoder.call(tf, x, training).get(0);
        Operand<TFloat32> r = decoder.call(tf, List.of(c), training).get(0);
        Operand<TFloat32> rec = tf.math.mean(tf.math.square(tf.math.sub(r, x.get(0))), tf.constant(new int[] {0, 1}));
        Operand<TFloat32> act = tf.math.mul(tf.constant(0.01f), tf.math.mean(tf.math.abs(c), tf.constant(new int[] {0, 1})));
        addMetric("reconstruction_loss", rec);
        addMetric("activity_loss", act);
        return tf.math.add(rec, act);
      }
    }
    AE ae = new AE();
    ae.compile(new Adam(0.02));
    FloatNdArray x = data(16, 6, 9);
    History h = ae.fit(x, epochs(10), batchSize(4), verbose(0));
    Map<String, List<Double>> logs = h.history();
    assertEquals(List.of("loss", "reconstruction_loss", "activity_loss"), List.copyOf(logs.keySet()));
    for (int e = 0; e < 10; e++) {
      assertEquals(logs.get("loss").get(e), logs.get("reconstruction_loss").get(e) + logs.get("activity_loss").get(e),
          1e-5);
    }
    assertTrue(logs.get("loss").get(9) < logs.get("loss").get(0));
    Map<String, Double> eval = ae.evaluate(x, batchSize(16), verbose(0));
    assertEquals(List.of("loss", "reconstruction_loss", "activity_loss"), List.copyOf(eval.keySet()));
    assertEquals(eval.get("loss"), eval.get("reconstruction_loss") + eval.get("activity_loss"), 1e-5);
  }

  /** A registered loss saves by name and loads compiled; an unregistered custom layer cannot be saved silently. */
  @Test
  void registeredLossRoundTripsAndUnregisteredLayerIsRefused() {
    Losses.register("half_mse", (tf, t, p) -> tf.math.mul(tf.constant(0.5f),
        tf.math.mean(tf.math.square(tf.math.sub(p, t)), tf.constant(-1))));
    Model m = dense(1);
    m.compile("adam", Losses.get("half_mse"));
    for (String f : List.of("m.keras", "m.h5")) {
      m.save(dir.resolve(f));
      Model back = Models.load(dir.resolve(f));
      assertTrue(back.compiled(), f + " loads compiled");
      assertEquals("half_mse", back.loss().kerasName());
    }
    class Unregistered extends BaseLayer<Unregistered> {
      @Override
      protected Operand<TFloat32> call(Ops tf, Operand<TFloat32> x, boolean training) {
        return x;
      }
    }
    KerasTensor in = Input.shape(2);
    Model u = new Model(in, new Unregistered().apply(in));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> u.save(dir.resolve("u.keras")));
    assertTrue(e.getMessage().contains("LayerRegistry.register"), e.getMessage());
  }

  /** A user's layer with its own config argument, registered by name. */
  public static final class Scale extends BaseLayer<Scale> {
    private final double factor;

    public Scale(double factor) {
      this.factor = factor;
    }

    @Override
    protected Operand<TFloat32> call(Ops tf, Operand<TFloat32> x, boolean training) {
      return tf.math.mul(x, tf.constant((float) factor));
    }

    @Override
    public Map<String, Object> getConfig() {
      Map<String, Object> c = super.getConfig();
      c.put("factor", factor);
      return c;
    }
  }

  /** A registered custom layer and activation save and load through .keras and .h5 with their config. */
  @Test
  void registeredCustomLayerAndActivationRoundTrip() {
    keras4j.saving.LayerRegistry.register("Scale", c -> new Scale(c.getDouble("factor", 1)));
    keras4j.activations.Activations.register("cube", (tf, x) -> tf.math.mul(x, tf.math.square(x)));
    Backend.setRandomSeed(6);
    KerasTensor in = Input.shape(3);
    Model m = new Model(in, new Scale(2.5).name("scale").apply(new Dense(4, "cube").apply(in)));
    FloatNdArray x = data(5, 3, 2);
    for (String f : List.of("c.keras", "c.h5")) {
      m.save(dir.resolve(f));
      Model back = Models.load(dir.resolve(f));
      assertEquals(2.5, ((Number) back.getLayer("scale").getConfig().get("factor")).doubleValue(), 0.0, f);
      assertEquals(List.of(), diff(m.predict(x), back.predict(x)), f);
    }
    assertTrue(m.toJson().contains("\"registered_name\": \"Scale\"") || m.toJson().contains("\"registered_name\":\"Scale\""),
        m.toJson());
  }

  /** A Java Lambda saves with a marker; loading needs its function by layer name, and then computes the same. */
  @Test
  void lambdaSavesWithMarkerAndLoadsWithRegisteredFunction() {
    Backend.setRandomSeed(3);
    KerasTensor in = Input.shape(3);
    Model m = new Model(in, new Lambda((tf, x) -> tf.math.square(x)).name("sq").apply(new Dense(2).apply(in)));
    m.save(dir.resolve("l.keras"));
    assertTrue(m.toJson().contains(Lambda.JAVA_MARKER));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Models.load(dir.resolve("l.keras")));
    assertTrue(e.getMessage().contains("'sq'") && e.getMessage().contains("Lambda.register(\"sq\""), e.getMessage());
    Lambda.register("sq", (tf, xs) -> tf.math.square(xs.get(0)));
    Model back = Models.load(dir.resolve("l.keras"));
    FloatNdArray x = data(4, 3, 1);
    assertEquals(List.of(), diff(m.predict(x), back.predict(x)));
  }

  /**
   * A model with a Python lambda (its to_json() written by Keras 3.15.1, next to this test) is refused naming the
   * layer and Lambda.register; with the Java function registered by the layer's name it loads and computes it.
   */
  @Test
  void pythonLambdaNeedsAJavaFunctionByLayerName() throws Exception {
    String json = java.nio.file.Files.readString(Path.of("tests/java/keras4j/models/python_lambda_model.json"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Models.fromJson(json));
    assertTrue(e.getMessage().contains("'double'") && e.getMessage().contains("Python function")
        && e.getMessage().contains("Lambda.register(\"double\""), e.getMessage());
    Lambda.register("double", (tf, xs) -> tf.math.mul(xs.get(0), tf.constant(2f)));
    Model m = Models.fromJson(json);
    FloatNdArray x = data(4, 3, 5);
    Model dense = new Model(m.inputs(), List.of(m.getLayer("d").output()));
    float[] d = Np.toFloatArray(dense.predict(x));
    float[] out = Np.toFloatArray(m.predict(x));
    for (int i = 0; i < d.length; i++) {
      assertEquals(2 * d[i], out[i], 1e-6);
    }
  }

  private static List<Integer> diff(FloatNdArray a, FloatNdArray b) {
    float[] x = Np.toFloatArray(a);
    float[] y = Np.toFloatArray(b);
    List<Integer> bad = new java.util.ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      if (Math.abs(x[i] - y[i]) > 1e-6) {
        bad.add(i);
      }
    }
    return bad;
  }
}
