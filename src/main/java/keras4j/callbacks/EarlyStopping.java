package keras4j.callbacks;

import java.util.List;
import java.util.Map;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * Keras's {@code EarlyStopping(monitor='val_loss', min_delta=0, patience=0, mode='auto', baseline=None,
 * restore_best_weights=False, start_from_epoch=0)}.
 */
public class EarlyStopping extends Callback {
  /** Whether the monitored value should go down or up. */
  public enum Mode {
    /** Keras's {@code mode='min'}: lower is better (losses). */
    MIN,
    /** Keras's {@code mode='max'}: higher is better (accuracies). */
    MAX
  }

  private final String monitor;
  private double minDelta = 0;
  private int patience = 0;
  private Mode mode;
  private Double baseline;
  private boolean restoreBestWeights;
  private int startFromEpoch = 0;
  private int verbose = 0;

  private int wait;
  private int stoppedEpoch;
  private double best;
  private int bestEpoch;
  private List<FloatNdArray> bestWeights;

  /** Keras's {@code EarlyStopping()}: monitors {@code val_loss}. */
  public EarlyStopping() {
    this("val_loss");
  }

  /** Keras's {@code EarlyStopping(monitor=...)}; the mode follows the name as Keras's {@code mode='auto'}. */
  public EarlyStopping(String monitor) {
    this.monitor = monitor;
    this.mode = autoMode(monitor);
  }

  private static Mode autoMode(String monitor) {
    return monitor.endsWith("acc") || monitor.endsWith("accuracy") || monitor.startsWith("fmeasure") ? Mode.MAX : Mode.MIN;
  }

  /** Keras's {@code min_delta}. */
  public EarlyStopping minDelta(double d) {
    this.minDelta = Math.abs(d);
    return this;
  }

  /** Keras's {@code patience}. */
  public EarlyStopping patience(int p) {
    if (p < 0) {
      throw new IllegalArgumentException("patience must be >= 0, received " + p);
    }
    this.patience = p;
    return this;
  }

  /** "auto", "min" or "max". */
  public EarlyStopping mode(String m) {
    switch (m) {
      case "auto": this.mode = autoMode(monitor); break;
      case "min": this.mode = Mode.MIN; break;
      case "max": this.mode = Mode.MAX; break;
      default: throw new IllegalArgumentException("EarlyStopping mode '" + m + "' is unknown: expected auto, min or max");
    }
    return this;
  }

  /** Keras's {@code baseline}. */
  public EarlyStopping baseline(double b) {
    this.baseline = b;
    return this;
  }

  /** Keras's {@code restore_best_weights}. */
  public EarlyStopping restoreBestWeights(boolean r) {
    this.restoreBestWeights = r;
    return this;
  }

  /** Keras's {@code start_from_epoch}. */
  public EarlyStopping startFromEpoch(int e) {
    this.startFromEpoch = e;
    return this;
  }

  /** Keras's {@code verbose}. */
  public EarlyStopping verbose(int v) {
    this.verbose = v;
    return this;
  }

  /** The epoch (0-based) at which training stopped, or 0. */
  public int stoppedEpoch() {
    return stoppedEpoch;
  }

  /** The epoch (from 0) with the best monitored value so far. */
  public int bestEpoch() {
    return bestEpoch;
  }

  private boolean improved(double current, double reference) {
    return mode == Mode.MIN ? current + minDelta < reference : current - minDelta > reference;
  }

  @Override
  public void onTrainBegin(Map<String, Double> logs) {
    wait = 0;
    stoppedEpoch = 0;
    best = mode == Mode.MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    bestWeights = null;
    bestEpoch = 0;
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    Double current = logs.get(monitor);
    if (current == null) {
      System.err.println("Early stopping conditioned on metric `" + monitor + "` which is not available. Available metrics are: "
          + String.join(",", logs.keySet()));
      return;
    }
    if (epoch < startFromEpoch) {
      return;
    }
    if (restoreBestWeights && bestWeights == null) {
      bestWeights = model().getWeights();
    }
    wait++;
    if (improved(current, best)) {
      best = current;
      bestEpoch = epoch;
      if (restoreBestWeights) {
        bestWeights = model().getWeights();
      }
      if (baseline == null || improved(current, baseline)) {
        wait = 0;
      }
      return;
    }
    if (wait >= patience && epoch > 0) {
      stoppedEpoch = epoch;
      model().stopTraining(true);
      if (restoreBestWeights && bestWeights != null) {
        if (verbose > 0) {
          System.out.println("Restoring model weights from the end of the best epoch: " + (bestEpoch + 1) + ".");
        }
        model().setWeights(bestWeights);
      }
    }
  }

  @Override
  public void onTrainEnd(Map<String, Double> logs) {
    if (stoppedEpoch > 0 && verbose > 0) {
      System.out.println("Epoch " + (stoppedEpoch + 1) + ": early stopping");
    }
  }
}
