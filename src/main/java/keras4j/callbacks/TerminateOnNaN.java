package keras4j.callbacks;

import java.util.Map;

/** Keras's {@code TerminateOnNaN}: stops training when the batch loss becomes NaN or infinite. */
public class TerminateOnNaN extends Callback {
  private final java.util.function.Consumer<String> out;

  /** Keras's {@code TerminateOnNaN()}, reporting on standard output. */
  public TerminateOnNaN() {
    this(System.out::println);
  }

  /** Keras's {@code TerminateOnNaN()}, reporting to {@code out}. */
  public TerminateOnNaN(java.util.function.Consumer<String> out) {
    this.out = out;
  }

  @Override
  public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
    Double loss = logs.get("loss");
    if (loss != null && (loss.isNaN() || loss.isInfinite())) {
      out.accept("Batch " + batch + ": Invalid loss, terminating training");
      model().stopTraining(true);
    }
  }
}
