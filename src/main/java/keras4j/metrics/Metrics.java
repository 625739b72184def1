package keras4j.metrics;

import java.util.List;

/**
 * Keras's {@code metrics.get}: metrics by name. "accuracy" resolves by shapes as Keras does: binary when the
 * prediction's last axis is 1, sparse categorical when the labels have lower rank or a last axis of 1,
 * categorical otherwise.
 */
public final class Metrics {
  private static final List<String> KNOWN = List.of("accuracy", "acc", "binary_accuracy", "categorical_accuracy",
      "sparse_categorical_accuracy", "mse", "mean_squared_error", "mae", "mean_absolute_error");

  private static final java.util.Map<String, MeanMetricWrapper.MetricFunction> CUSTOM =
      new java.util.concurrent.ConcurrentHashMap<>();

  private Metrics() {}

  /** A custom metric for {@code compile(optimizer, loss, List.of("mae", metric))}: Keras's metric function. */
  public static Metric of(String name, MeanMetricWrapper.MetricFunction fn) {
    return new MeanMetricWrapper(name, fn);
  }

  /** Keras's {@code custom_objects} for metrics: a metric function found by name when a model is loaded or compiled. */
  public static void register(String name, MeanMetricWrapper.MetricFunction fn) {
    if (name == null || name.isBlank() || fn == null) {
      throw new IllegalArgumentException("register needs a metric name and a function");
    }
    CUSTOM.put(name, fn);
  }

  /** Checks a name early (at compile), before shapes are known. */
  public static void check(String name) {
    if (!KNOWN.contains(name) && !CUSTOM.containsKey(name)) {
      throw new IllegalArgumentException("Unknown metric: '" + name + "'. Known metrics: " + String.join(", ", KNOWN));
    }
  }

  /** Keras's {@code keras.metrics.get(name)}, resolving {@code accuracy} by the shapes as {@code compile} does. */
  public static Metric get(String name, long[] yTrueShape, long[] yPredShape) {
    check(name);
    if (CUSTOM.containsKey(name)) {
      return new MeanMetricWrapper(name, CUSTOM.get(name));
    }
    switch (name) {
      case "accuracy":
      case "acc": {
        long lastPred = yPredShape[yPredShape.length - 1];
        long lastTrue = yTrueShape[yTrueShape.length - 1];
        if (lastPred == 1) {
          return new BinaryAccuracy(name);
        }
        if (yTrueShape.length < yPredShape.length || (lastTrue == 1 && lastPred > 1)) {
          return new SparseCategoricalAccuracy(name);
        }
        return new CategoricalAccuracy(name);
      }
      case "binary_accuracy": return new BinaryAccuracy(name);
      case "categorical_accuracy": return new CategoricalAccuracy(name);
      case "sparse_categorical_accuracy": return new SparseCategoricalAccuracy(name);
      case "mse":
      case "mean_squared_error": return new MeanSquaredError(name);
      default: return new MeanAbsoluteError(name);
    }
  }
}
