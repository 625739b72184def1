package keras4j.callbacks;

import java.io.PrintStream;
import java.util.Map;
import keras4j.utils.Progbar;

/** Keras's {@code ProgbarLogger}: prints "Epoch 1/20" and a progress bar per epoch (verbose 1) or a line (2). */
public class ProgbarLogger extends Callback {
  private final int verbose;
  private final PrintStream out;
  private final boolean dynamic;
  private Progbar bar;
  private int seen;
  private int epochs;
  private int steps;

  /** Keras's {@code ProgbarLogger()} with {@code fit}'s {@code verbose}, printing to standard output. */
  public ProgbarLogger(int verbose) {
    this(verbose, System.out, System.console() != null);
  }

  /** Keras's {@code ProgbarLogger()} printing to {@code out}; {@code dynamic} redraws one line as on a terminal. */
  public ProgbarLogger(int verbose, PrintStream out, boolean dynamic) {
    this.verbose = verbose;
    this.out = out;
    this.dynamic = dynamic;
  }

  @Override
  public void onTrainBegin(Map<String, Double> logs) {
    epochs = (Integer) params().getOrDefault("epochs", 1);
    steps = steps(params());
  }

  /** The number of steps, or 0 when unknown (an iterator's length before its first pass ends). */
  private static int steps(Map<String, Object> params) {
    Object s = params.getOrDefault("steps", 1);
    return s == null ? 0 : (Integer) s;
  }

  @Override
  public void onEpochBegin(int epoch, Map<String, Double> logs) {
    if (epochs > 1) {
      out.println("Epoch " + (epoch + 1) + "/" + epochs);
    }
    startBar();
  }

  private void startBar() {
    seen = 0;
    bar = new Progbar(steps, verbose, "step", dynamic, out);
  }

  @Override
  public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
    seen = batch + 1;
    bar.update(seen, logs, false);
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    if (steps <= 0) {
      steps = seen;
    }
    bar.update(seen, logs, true);
  }

  @Override
  public void onTestBegin(Map<String, Double> logs) {
    if (model() != null && model().inFit()) {
      return;
    }
    steps = steps(params());
    startBar();
  }

  @Override
  public void onTestBatchEnd(int batch, Map<String, Double> logs) {
    if (model() != null && model().inFit()) {
      return;
    }
    seen = batch + 1;
    bar.update(seen, logs, false);
  }

  @Override
  public void onTestEnd(Map<String, Double> logs) {
    if (model() != null && model().inFit()) {
      return;
    }
    bar.update(seen, logs, true);
  }

  @Override
  public void onPredictBegin(Map<String, Double> logs) {
    steps = steps(params());
    startBar();
  }

  @Override
  public void onPredictBatchEnd(int batch, Map<String, Double> logs) {
    seen = batch + 1;
    bar.update(seen, Map.of(), false);
  }

  @Override
  public void onPredictEnd(Map<String, Double> logs) {
    bar.update(seen, Map.of(), true);
  }
}
