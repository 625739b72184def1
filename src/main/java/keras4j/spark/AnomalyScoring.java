package keras4j.spark;

import java.io.PrintStream;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import keras4j.datasets.FashionMnist;
import keras4j.datasets.ImageDataset;
import keras4j.datasets.Mnist;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The Spark example: an autoencoder trained on MNIST digits scores a table of 70,000 images, MNIST's 60,000
 * training digits mixed with Fashion-MNIST's 10,000 test garments, by reconstruction error; the garments are the
 * anomalies. Writes {@code id, source, label, reconstruction_error} as Parquet and reports how well the error
 * separates the two (ROC AUC, and the share of garments among the 10,000 highest errors). Run it with
 * {@code ./keras4j spark-score} or {@code main}.
 */
public final class AnomalyScoring {
  private AnomalyScoring() {}

  /** The input table: {@code id, source ("mnist"/"fashion_mnist"), label, features (784 floats in [0, 1])}. */
  public static final StructType INPUT = new StructType().add("id", DataTypes.IntegerType, false)
      .add("source", DataTypes.StringType, false).add("label", DataTypes.IntegerType, false)
      .add("features", DataTypes.createArrayType(DataTypes.FloatType, false), false);

  /** What a run measured. */
  public record Result(long rows, int partitions, double seconds, double rowsPerSecond, double auc,
      double precisionAtAnomalies, double meanErrorNormal, double meanErrorAnomaly) {}

  /** The data of this JVM: MNIST's training images then Fashion-MNIST's test images, as [0, 1] floats. */
  static final class Data {
    private static byte[] pixels;
    private static int[] labels;
    static final int NORMAL = 60_000;

    static synchronized void load() {
      if (pixels != null) {
        return;
      }
      ImageDataset mnist = Mnist.loadData();
      ImageDataset fashion = FashionMnist.loadData();
      long na = mnist.xTrain().shape().size(0);
      long nb = fashion.xTest().shape().size(0);
      byte[] all = new byte[(int) ((na + nb) * 784)];
      mnist.xTrain().copyTo(DataBuffers.of(all, false, false).slice(0, na * 784));
      fashion.xTest().copyTo(DataBuffers.of(all, false, false).slice(na * 784, nb * 784));
      int[] l = new int[(int) (na + nb)];
      for (int i = 0; i < na; i++) {
        l[i] = mnist.yTrain().getByte(i) & 0xFF;
      }
      for (int i = 0; i < nb; i++) {
        l[(int) na + i] = fashion.yTest().getByte(i) & 0xFF;
      }
      pixels = all;
      labels = l;
    }

    static int rows() {
      load();
      return labels.length;
    }

    static Row row(int i) {
      load();
      float[] f = new float[784];
      for (int k = 0; k < 784; k++) {
        f[k] = (pixels[i * 784 + k] & 0xFF) / 255f;
      }
      return RowFactory.create(i, i < NORMAL ? "mnist" : "fashion_mnist", labels[i], f);
    }
  }

  /** Builds the rows of one slice of the table where the task runs (each JVM loads the data sets once). */
  private static final class Slice implements
      org.apache.spark.api.java.function.FlatMapFunction<int[], Row>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public Iterator<Row> call(int[] range) {
      List<Row> rows = new ArrayList<>(range[1] - range[0]);
      for (int i = range[0]; i < range[1]; i++) {
        rows.add(Data.row(i * range[2]));
      }
      return rows.iterator();
    }
  }

  /**
   * The 70,000-row input table in {@code partitions} partitions, cached so that scoring is timed alone; with a
   * {@code limit} (0: all) every k-th row, so that the sample keeps the mix of the two data sets.
   */
  public static Dataset<Row> input(SparkSession spark, int partitions, int limit) {
    int total = Data.rows();
    int stride = limit > 0 && limit < total ? (total + limit - 1) / limit : 1;
    int n = (total + stride - 1) / stride;
    List<int[]> ranges = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      ranges.add(new int[] {(int) ((long) n * p / partitions), (int) ((long) n * (p + 1) / partitions), stride});
    }
    JavaRDD<Row> rdd = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(ranges, partitions)
        .flatMap(new Slice());
    Dataset<Row> df = spark.createDataFrame(rdd, INPUT).cache();
    df.count();
    return df;
  }

  /** Scores {@code input} and writes the Parquet file; returns the figures. */
  public static Result run(SparkSession spark, Dataset<Row> input, ModelScorer scorer, Path out, PrintStream log) {
    long start = System.nanoTime();
    Dataset<Row> scored = scorer.reconstructionError("binary_crossentropy").outputCol("reconstruction_error")
        .transform(input).select("id", "source", "label", "reconstruction_error");
    scored.write().mode(SaveMode.Overwrite).parquet(out.toString());
    double seconds = (System.nanoTime() - start) / 1e9;
    List<Row> back = spark.read().parquet(out.toString()).select("source", "reconstruction_error").collectAsList();
    int n = back.size();
    double[] err = new double[n];
    boolean[] anomaly = new boolean[n];
    int anomalies = 0;
    double sumNormal = 0;
    double sumAnomaly = 0;
    for (int i = 0; i < n; i++) {
      err[i] = back.get(i).getDouble(1);
      anomaly[i] = !"mnist".equals(back.get(i).getString(0));
      if (anomaly[i]) {
        anomalies++;
        sumAnomaly += err[i];
      } else {
        sumNormal += err[i];
      }
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(err[b], err[a]));
    int hits = 0;
    for (int i = 0; i < anomalies; i++) {
      if (anomaly[order[i]]) {
        hits++;
      }
    }
    double auc = auc(err, anomaly);
    Result r = new Result(n, input.rdd().getNumPartitions(), seconds, n / seconds, auc,
        anomalies == 0 ? Double.NaN : (double) hits / anomalies, sumNormal / Math.max(1, n - anomalies),
        sumAnomaly / Math.max(1, anomalies));
    if (log != null) {
      log.println(String.format(Locale.ROOT, "Scored %,d rows in %d partitions in %.2f s (%,.0f rows/s); wrote %s",
          r.rows(), r.partitions(), r.seconds(), r.rowsPerSecond(), out));
      log.println(String.format(Locale.ROOT, "Mean reconstruction error (binary cross-entropy): MNIST %.4f, "
          + "Fashion-MNIST %.4f", r.meanErrorNormal(), r.meanErrorAnomaly()));
      log.println(String.format(Locale.ROOT, "Anomaly detection: ROC AUC %.4f; %.1f%% of the %,d highest errors "
          + "are Fashion-MNIST images", r.auc(), 100 * r.precisionAtAnomalies(), anomalies));
    }
    return r;
  }

  /** ROC AUC of scores for the positives: the Mann-Whitney statistic, ties counted half. */
  static double auc(double[] score, boolean[] positive) {
    int n = score.length;
    Integer[] idx = new Integer[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    java.util.Arrays.sort(idx, (a, b) -> Double.compare(score[a], score[b]));
    double rankSum = 0;
    long pos = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && score[idx[j + 1]] == score[idx[i]]) {
        j++;
      }
      double rank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        if (positive[idx[k]]) {
          rankSum += rank;
          pos++;
        }
      }
      i = j + 1;
    }
    long neg = n - pos;
    if (pos == 0 || neg == 0) {
      return Double.NaN;
    }
    return (rankSum - pos * (pos + 1) / 2.0) / ((double) pos * neg);
  }

  /** A local session with the given master, without the web UI. */
  public static SparkSession session(String master) {
    return SparkSession.builder().master(master).appName("keras4j-spark-score")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate();
  }

  /** The command line's entry ({@code keras4j spark-score}): JDK types only, so the CLI loads without Spark. */
  public static Result score(String master, Path model, Path out, int partitions, int batchSize, int limit,
      PrintStream log) {
    ModelScorer scorer = ModelScorer.load(model).batchSize(batchSize);
    log.println("Model " + model + " travels as " + String.format(Locale.ROOT, "%,d", scorer.modelBytes())
        + " bytes of .keras; master " + master);
    SparkSession spark = session(master);
    try {
      return run(spark, input(spark, partitions, limit), scorer, out, log);
    } finally {
      spark.stop();
      ModelScorer.releaseModels();
    }
  }

  /** {@code AnomalyScoring MODEL OUT_DIR [MASTER] [PARTITIONS]}. */
  public static void main(String[] args) {
    Path model = Path.of(args.length > 0 ? args[0] : "keras-models/seed002_mnist_16.h5");
    Path out = Path.of(args.length > 1 ? args[1] : "out/spark-score/scores.parquet");
    String master = args.length > 2 ? args[2] : "local[2]";
    int partitions = args.length > 3 ? Integer.parseInt(args[3]) : 2;
    SparkSession spark = session(master);
    try {
      run(spark, input(spark, partitions, 0), ModelScorer.load(model), out, System.out);
    } finally {
      spark.stop();
      ModelScorer.releaseModels();
    }
  }
}
