package keras4j.metrics;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code MeanMetricWrapper}: a custom metric given as a function of {@code (y_true, y_pred)} returning
 * per-sample values, averaged over the epoch. {@code Metrics.of("rmse", (tf, t, p) -> ...)}.
 */
public class MeanMetricWrapper extends Metric {
  private final MetricFunction fn;

  public MeanMetricWrapper(String name, MetricFunction fn) {
    super(name);
    if (name == null || name.isBlank() || fn == null) {
      throw new IllegalArgumentException("A custom metric needs a name and a function");
    }
    this.fn = fn;
  }

  @Override
  protected Operand<TFloat32> values(Ops tf, Operand<TFloat32> yTrue, Operand<TFloat32> yPred) {
    return fn.call(tf, yTrue, yPred);
  }

  /** A metric function of {@code (y_true, y_pred)}. */
  @FunctionalInterface
  public interface MetricFunction {
    Operand<TFloat32> call(Ops tf, Operand<TFloat32> yTrue, Operand<TFloat32> yPred);
  }
}
