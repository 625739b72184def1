package keras4j.cli;

import java.nio.file.Path;
import org.apache.commons.cli.Options;

/** {@code keras4j spark-score}: the Spark example, anomaly scores for MNIST + Fashion-MNIST written as Parquet. */
final class SparkScoreCommand implements Command {
  @Override
  public String name() {
    return "spark-score";
  }

  @Override
  public String summary() {
    return "score 70,000 MNIST + Fashion-MNIST images for anomalies on Apache Spark, write Parquet";
  }

  @Override
  public String usage() {
    return "spark-score [--model FILE] [--out DIR] [--master URL] [--partitions N] [--batch-size N] [--limit N]";
  }

  @Override
  public String description() {
    return "Applies an autoencoder trained on MNIST (default keras-models/seed002_mnist_16.h5) on Spark to MNIST's "
        + "60,000 training digits mixed with Fashion-MNIST's 10,000 test images, scores each row by its "
        + "reconstruction error (binary cross-entropy), writes id, source, label and the score as Parquet, and "
        + "reports how well the score finds the Fashion-MNIST images (ROC AUC). The model travels to the executors "
        + "as .keras bytes and is loaded once per executor JVM.";
  }

  @Override
  public Options options() {
    return new Options()
        .addOption(Opt.value("model", "FILE", "The autoencoder (.keras, .h5, ...; default "
            + "keras-models/seed002_mnist_16.h5)"))
        .addOption(Opt.value("out", "DIR", "The Parquet output (default out/spark-score/scores.parquet)"))
        .addOption(Opt.value("master", "URL", "Spark master (default local[2])"))
        .addOption(Opt.value("partitions", "N", "Partitions of the input table (default 2)"))
        .addOption(Opt.value("batch-size", "N", "Rows per predict call within a partition (default 1024)"))
        .addOption(Opt.value("limit", "N", "About N rows: every k-th row, keeping the mix of the two data sets"));
  }

  @Override
  public int run(Invocation call) {
    call.positionals();
    String home = System.getProperty("keras4j.home", ".");
    Path model = call.path("model");
    if (model == null) {
      model = Path.of(home, "keras-models", "seed002_mnist_16.h5");
    }
    Path out = call.path("out");
    if (out == null) {
      out = Path.of("out", "spark-score", "scores.parquet");
    }
    String master = call.string("master", "local[2]");
    int partitions = call.integer("partitions", 2, 1);
    int batch = call.integer("batch-size", 1024, 1);
    Integer limit = call.integer("limit", null, 1);
    try {
      Class.forName("org.apache.spark.sql.SparkSession");
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("Apache Spark is not on the class path: run `./keras4j spark-score` (the "
          + "launcher adds Spark, a provided dependency) or spark-submit with keras4j's jar");
    }
    keras4j.spark.AnomalyScoring.score(master, model, out, partitions, batch, limit == null ? 0 : limit, call.out());
    return Main.OK;
  }
}
