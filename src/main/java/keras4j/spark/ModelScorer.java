package keras4j.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import keras4j.models.Model;
import keras4j.models.Models;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Batch inference with a keras4j model on Spark: adds to a DataFrame a column computed from a column of float
 * arrays (or of encoded images): the model's predictions ({@code model.predict}), the codes of a named layer (an
 * encoder's output) or each row's reconstruction error (an autoencoder's anomaly score). The model travels to the
 * executors once, as {@code .keras} bytes in a broadcast variable; each executor JVM loads it once and keeps it
 * ({@link ExecutorModels}); rows are scored in batches of {@link #batchSize(int)} within each partition, without
 * Arrow. Not a Keras API: keras4j's counterpart of mapping {@code model.predict} over a Spark table.
 */
public final class ModelScorer implements Serializable {
  private static final long serialVersionUID = 1L;

  /** What the output column holds. */
  enum Mode {
    PREDICTIONS, CODES, RECONSTRUCTION_ERROR
  }

  /** Per-row reconstruction errors, named as Keras's losses. */
  enum ErrorMetric {
    MSE, MAE, BINARY_CROSSENTROPY;

    static ErrorMetric of(String name) {
      switch (name == null ? "" : name.toLowerCase(Locale.ROOT)) {
        case "mse", "mean_squared_error":
          return MSE;
        case "mae", "mean_absolute_error":
          return MAE;
        case "bce", "binary_crossentropy":
          return BINARY_CROSSENTROPY;
        default:
          throw new IllegalArgumentException("Unknown reconstruction error \"" + name
              + "\"; expected mse, mae or binary_crossentropy");
      }
    }
  }

  private final byte[] kerasBytes;
  private final String digest;
  private String inputCol = "features";
  private String outputCol;
  private Mode mode = Mode.PREDICTIONS;
  private String layer;
  private ErrorMetric metric = ErrorMetric.MSE;
  private int batchSize = 1024;
  private boolean images;

  private ModelScorer(byte[] kerasBytes) {
    if (kerasBytes == null || kerasBytes.length < 4 || kerasBytes[0] != 'P' || kerasBytes[1] != 'K') {
      throw new IllegalArgumentException("Not a .keras file: the model must travel as the bytes of a .keras (zip) "
          + "file, received " + (kerasBytes == null ? "null" : kerasBytes.length + " bytes"));
    }
    this.kerasBytes = kerasBytes;
    this.digest = ExecutorModels.digest(kerasBytes);
  }

  /** A scorer for a model in memory (saved as {@code .keras} bytes). */
  public static ModelScorer of(Model model) {
    Path tmp = null;
    try {
      tmp = Files.createTempFile("keras4j-model-", ".keras");
      Files.delete(tmp);
      model.save(tmp);
      return new ModelScorer(Files.readAllBytes(tmp));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot serialise model " + model.name() + ": " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // a temporary file left behind
        }
      }
    }
  }

  /** A scorer for a model file in any format keras4j reads ({@code .keras}, {@code .h5}, JSON + weights). */
  public static ModelScorer load(Path file) {
    if (file.getFileName().toString().endsWith(".keras")) {
      try {
        return new ModelScorer(Files.readAllBytes(file));
      } catch (IOException e) {
        throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
      }
    }
    try (Model m = Models.load(file)) {
      return of(m);
    }
  }

  /** A scorer for the bytes of a {@code .keras} file. */
  public static ModelScorer fromKerasBytes(byte[] bytes) {
    return new ModelScorer(bytes.clone());
  }

  /** The column of inputs: arrays of floats or doubles (reshaped to the model's input), or image bytes. */
  public ModelScorer inputCol(String name) {
    this.inputCol = requireName(name, "input column");
    return this;
  }

  /** The column added (default "prediction", "code" or "reconstruction_error"). */
  public ModelScorer outputCol(String name) {
    this.outputCol = requireName(name, "output column");
    return this;
  }

  /** Rows per {@code predict} call within a partition (default 1024). */
  public ModelScorer batchSize(int n) {
    if (n < 1 || n > 1 << 20) {
      throw new IllegalArgumentException("batch size must be between 1 and 1048576, received " + n);
    }
    this.batchSize = n;
    return this;
  }

  /** Output: {@code model.predict} of each row, flattened (the default). */
  public ModelScorer predictions() {
    this.mode = Mode.PREDICTIONS;
    this.layer = null;
    return this;
  }

  /** Output: the output of the named layer, e.g. an autoencoder's code layer. */
  public ModelScorer codes(String layerName) {
    this.mode = Mode.CODES;
    this.layer = requireName(layerName, "layer");
    return this;
  }

  /** Output: each row's reconstruction error, {@code "mse"}, {@code "mae"} or {@code "binary_crossentropy"}. */
  public ModelScorer reconstructionError(String metricName) {
    this.mode = Mode.RECONSTRUCTION_ERROR;
    this.metric = ErrorMetric.of(metricName);
    this.layer = null;
    return this;
  }

  /** Inputs are encoded images (PNG, JPEG, ... bytes), scaled to [0, 1] as {@code x / 255}. */
  public ModelScorer images(boolean b) {
    this.images = b;
    return this;
  }

  /** The size of the model as it travels. */
  public int modelBytes() {
    return kerasBytes.length;
  }

  private static String requireName(String s, String what) {
    if (s == null || s.isBlank()) {
      throw new IllegalArgumentException("The " + what + " name is empty");
    }
    return s;
  }

  String outputName() {
    if (outputCol != null) {
      return outputCol;
    }
    return switch (mode) {
      case PREDICTIONS -> "prediction";
      case CODES -> "code";
      case RECONSTRUCTION_ERROR -> "reconstruction_error";
    };
  }

  /** Keras's {@code model.predict} over a DataFrame: the rows of {@code df} with the output column added. */
  public Dataset<Row> transform(Dataset<Row> df) {
    StructType schema = df.schema();
    String[] names = schema.fieldNames();
    if (!java.util.Arrays.asList(names).contains(inputCol)) {
      throw new IllegalArgumentException("The DataFrame has no column \"" + inputCol + "\"; its columns are "
          + String.join(", ", names));
    }
    String out = outputName();
    if (java.util.Arrays.asList(names).contains(out)) {
      throw new IllegalArgumentException("The DataFrame already has a column \"" + out + "\"; choose another outputCol");
    }
    int index = schema.fieldIndex(inputCol);
    DataType type = schema.fields()[index].dataType();
    boolean binary = type instanceof BinaryType;
    boolean numericArray = type instanceof ArrayType a && a.elementType() instanceof NumericType;
    if (images ? !binary : !numericArray) {
      throw new IllegalArgumentException("Column \"" + inputCol + "\" is " + type.simpleString() + "; expected "
          + (images ? "binary (encoded images)" : "an array of numbers (or binary with images(true))"));
    }
    SparkSession spark = df.sparkSession();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<byte[]> model = jsc.broadcast(kerasBytes);
    DataType outType = mode == Mode.RECONSTRUCTION_ERROR ? DataTypes.DoubleType
        : DataTypes.createArrayType(DataTypes.FloatType, false);
    StructType outSchema = schema.add(new StructField(out, outType, true, Metadata.empty()));
    ScorePartition fn = new ScorePartition(model, digest, index, mode, layer, metric, batchSize, images, inputCol);
    JavaRDD<Row> rows = df.javaRDD().mapPartitions(fn);
    return spark.createDataFrame(rows, outSchema);
  }

  /** Closes the models this JVM loaded for scoring (they are also closed at JVM exit). */
  public static void releaseModels() {
    ExecutorModels.release();
  }
}
