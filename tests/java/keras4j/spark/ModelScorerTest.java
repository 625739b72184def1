package keras4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import keras4j.backend.Backend;
import keras4j.layers.Dense;
import keras4j.layers.Input;
import keras4j.layers.KerasTensor;
import keras4j.models.Model;
import keras4j.utils.Np;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;

/** Spark batch inference on local[2]: same numbers as in-process predict, codes, errors, images, bad input. */
class ModelScorerTest {
  private static SparkSession spark;
  private static Model autoencoder;
  private static Model encoder;
  private static FloatNdArray x;
  private static final int N = 300;

  @BeforeAll
  static void start() {
    spark = SparkSession.builder().master("local[2]").appName("keras4j-test")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.host", "127.0.0.1").getOrCreate();
    Backend.clearSession();
    Backend.setRandomSeed(5);
    KerasTensor in = Input.shape(16);
    KerasTensor code = new Dense(4, "relu").name("code").apply(in);
    KerasTensor out = new Dense(16, "sigmoid").apply(code);
    autoencoder = new Model(in, out);
    encoder = new Model(in, code);
    Random r = new Random(1);
    x = NdArrays.ofFloats(Shape.of(N, 16));
    x.scalars().forEach(s -> s.setFloat(r.nextFloat()));
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
    ModelScorer.releaseModels();
    Backend.clearSession();
  }

  private static Dataset<Row> frame(boolean doubles) {
    List<Row> rows = new ArrayList<>();
    float[] all = Np.toFloatArray(x);
    for (int i = 0; i < N; i++) {
      Object v;
      if (doubles) {
        List<Double> d = new ArrayList<>();
        for (int k = 0; k < 16; k++) {
          d.add((double) all[i * 16 + k]);
        }
        v = d;
      } else {
        List<Float> f = new ArrayList<>();
        for (int k = 0; k < 16; k++) {
          f.add(all[i * 16 + k]);
        }
        v = f;
      }
      rows.add(RowFactory.create(i, v));
    }
    StructType schema = new StructType().add("id", DataTypes.IntegerType)
        .add("features", DataTypes.createArrayType(doubles ? DataTypes.DoubleType : DataTypes.FloatType));
    return spark.createDataFrame(rows, schema);
  }

  private static float[][] byId(Dataset<Row> df, String col) {
    float[][] out = new float[N][];
    for (Row r : df.select("id", col).collectAsList()) {
      List<Float> l = r.getList(1);
      float[] a = new float[l.size()];
      for (int i = 0; i < a.length; i++) {
        a[i] = l.get(i);
      }
      out[r.getInt(0)] = a;
    }
    return out;
  }

  @Test
  void predictionsAndCodesMatchInProcessPredict() {
    float[] want = Np.toFloatArray(autoencoder.predict(x));
    float[] wantCodes = Np.toFloatArray(encoder.predict(x));
    int loaded = ExecutorModels.size();
    ModelScorer scorer = ModelScorer.of(autoencoder).batchSize(64);
    float[][] got = byId(scorer.transform(frame(false)), "prediction");
    float[][] gotD = byId(scorer.transform(frame(true)), "prediction");
    float[][] codes = byId(ModelScorer.of(autoencoder).codes("code").transform(frame(false)), "code");
    for (int i = 0; i < N; i++) {
      assertArrayEquals(java.util.Arrays.copyOfRange(want, i * 16, i * 16 + 16), got[i], 1e-6f, "row " + i);
      assertArrayEquals(got[i], gotD[i], 1e-6f, "double input, row " + i);
      assertArrayEquals(java.util.Arrays.copyOfRange(wantCodes, i * 4, i * 4 + 4), codes[i], 1e-6f, "code " + i);
    }
    // one model per JVM and layer: one for the two transforms of `scorer`, one for the code scorer
    assertEquals(loaded + 2, ExecutorModels.size());
  }

  @Test
  void reconstructionErrorsArePerRowMeans() {
    float[] xs = Np.toFloatArray(x);
    float[] ys = Np.toFloatArray(autoencoder.predict(x));
    for (String metric : List.of("mse", "binary_crossentropy")) {
      Dataset<Row> scored = ModelScorer.of(autoencoder).reconstructionError(metric).outputCol("err")
          .transform(frame(false));
      List<Row> rows = scored.select("id", "err").collectAsList();
      assertEquals(N, rows.size());
      for (Row r : rows) {
        int i = r.getInt(0);
        double want = 0;
        for (int k = 0; k < 16; k++) {
          double a = xs[i * 16 + k];
          double b = ys[i * 16 + k];
          double p = Math.min(Math.max(b, 1e-7), 1 - 1e-7);
          want += metric.equals("mse") ? (a - b) * (a - b) : -(a * Math.log(p) + (1 - a) * Math.log(1 - p));
        }
        assertEquals(want / 16, r.getDouble(1), 1e-6, metric + " row " + i);
      }
    }
  }

  @Test
  void imageBytesAreDecodedAndScaled() throws Exception {
    List<Row> rows = new ArrayList<>();
    float[] xs = Np.toFloatArray(x);
    FloatNdArray quantised = NdArrays.ofFloats(Shape.of(4, 16));
    for (int i = 0; i < 4; i++) {
      BufferedImage img = new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY);
      for (int k = 0; k < 16; k++) {
        int v = Math.round(xs[i * 16 + k] * 255);
        img.getRaster().setSample(k % 4, k / 4, 0, v);
        quantised.setFloat(v / 255f, i, k);
      }
      ByteArrayOutputStream png = new ByteArrayOutputStream();
      ImageIO.write(img, "png", png);
      rows.add(RowFactory.create(i, png.toByteArray()));
    }
    rows.add(RowFactory.create(4, null));
    StructType schema = new StructType().add("id", DataTypes.IntegerType).add("png", DataTypes.BinaryType);
    Dataset<Row> df = spark.createDataFrame(rows, schema);
    List<Row> out = new ArrayList<>(ModelScorer.of(autoencoder).inputCol("png").images(true).transform(df)
        .collectAsList());
    out.sort((a, b) -> a.getInt(0) - b.getInt(0));
    float[] want = Np.toFloatArray(autoencoder.predict(quantised));
    for (int i = 0; i < 4; i++) {
      List<Float> l = out.get(i).getList(2);
      for (int k = 0; k < 16; k++) {
        assertEquals(want[i * 16 + k], l.get(k), 1e-6f);
      }
    }
    assertNull(out.get(4).get(2), "a null input gives a null output");
  }

  /** The example behind {@code ./keras4j spark-score}, on a sample: the shipped MNIST autoencoder finds the garments. */
  @Test
  void theAnomalyExampleWritesParquetAndSeparatesTheDataSets(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path model = java.nio.file.Path.of("keras-models", "seed002_mnist_16.h5");
    Dataset<Row> input = AnomalyScoring.input(spark, 2, 2_000);
    java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
    AnomalyScoring.Result r = AnomalyScoring.run(spark, input, ModelScorer.load(model), dir.resolve("s.parquet"),
        new java.io.PrintStream(log, true, "UTF-8"));
    assertEquals(2_000, r.rows());
    List<Row> back = spark.read().parquet(dir.resolve("s.parquet").toString()).collectAsList();
    assertEquals(2_000, back.size());
    assertEquals(List.of("id", "source", "label", "reconstruction_error"),
        List.of(spark.read().parquet(dir.resolve("s.parquet").toString()).columns()));
    long garments = back.stream().filter(row -> row.getString(1).equals("fashion_mnist")).count();
    assertEquals(285, garments, "every 35th row: 1,715 digits and 285 garments");
    assertTrue(r.auc() > 0.95, "ROC AUC " + r.auc() + "\n" + log);
    assertTrue(r.meanErrorAnomaly() > 3 * r.meanErrorNormal(), log.toString("UTF-8"));
  }

  @Test
  void badInputIsAClearError() {
    ModelScorer s = ModelScorer.of(autoencoder);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> s.inputCol("pixels").transform(frame(false)));
    assertTrue(e.getMessage().contains("no column \"pixels\"") && e.getMessage().contains("id, features"),
        e.getMessage());
    List<Row> rows = List.of(RowFactory.create(0, List.of(1f, 2f, 3f)));
    StructType schema = new StructType().add("id", DataTypes.IntegerType)
        .add("features", DataTypes.createArrayType(DataTypes.FloatType));
    Exception job = assertThrows(Exception.class,
        () -> ModelScorer.of(autoencoder).transform(spark.createDataFrame(rows, schema)).collectAsList());
    String all = String.valueOf(job.getMessage()) + (job.getCause() == null ? "" : job.getCause().getMessage());
    assertTrue(all.contains("a row holds 3 values, the model's input (None, 16) needs 16"), all);
    // an input with a dimension of unknown size besides the batch gave ndarray's "Dense arrays cannot have unknown
    // dimension(s)", naming neither the model nor the column
    keras4j.layers.KerasTensor seq = keras4j.layers.Input.shape(-1, 4);
    keras4j.models.Model ragged = new keras4j.models.Model(seq, new keras4j.layers.Dense(2).apply(seq));
    Exception unknown = assertThrows(Exception.class,
        () -> ModelScorer.of(ragged).transform(frame(false)).collectAsList());
    String msg = String.valueOf(unknown.getMessage()) + (unknown.getCause() == null ? "" : unknown.getCause().getMessage());
    assertTrue(msg.contains("(None, None, 4) has a dimension of unknown size") && msg.contains("\"features\""), msg);
    assertThrows(IllegalArgumentException.class, () -> ModelScorer.fromKerasBytes(new byte[] {1, 2, 3, 4}));
    assertThrows(IllegalArgumentException.class, () -> ModelScorer.of(autoencoder).reconstructionError("huber"));
  }
}
