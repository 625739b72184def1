package keras4j.models;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The running epoch means Keras logs from a step's fetches: the loss and metrics weighted by batch size, a metric of
 * masked predictions weighted by its batch's count of unmasked entries (Keras's {@code MeanMetricWrapper} with the
 * mask as sample weight), and, when asked, {@code add_metric} values averaged per batch.
 */
final class EpochMeans {
  private final TrainEngine.StepFunction f;
  private final boolean addedPerBatch;
  private final float[] totals;
  private final float[] weights;

  /** Means of {@code f}'s logged fetches; {@code addedPerBatch}: fetches from {@code batchWeighted} on count 1 each. */
  EpochMeans(TrainEngine.StepFunction f, boolean addedPerBatch) {
    this.f = f;
    this.addedPerBatch = addedPerBatch;
    this.totals = new float[f.names.size()];
    this.weights = new float[f.names.size()];
  }

  /** Adds one batch of {@code batchSize} samples: {@code values} are the step's fetches in order. */
  void add(float[] values, float batchSize) {
    for (int i = 0; i < totals.length; i++) {
      float w;
      if (addedPerBatch && i >= f.batchWeighted) {
        w = 1;
      } else {
        Integer share = f.maskShares.get(i);
        w = share == null ? batchSize : batchSize * values[share];
      }
      totals[i] += values[i] * w;
      weights[i] += w;
    }
  }

  /** The means so far, by name. */
  Map<String, Double> logs() {
    Map<String, Double> logs = new LinkedHashMap<>();
    for (int i = 0; i < totals.length; i++) {
      logs.put(f.names.get(i), weights[i] == 0 ? 0.0 : (double) (totals[i] / weights[i]));
    }
    return logs;
  }
}
