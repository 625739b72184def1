package keras4j.callbacks;

import java.util.Map;
import keras4j.models.Model;

/**
 * Keras's {@code keras.callbacks.Callback}: hooks called by {@code fit}, {@code evaluate} and {@code predict}.
 * Logs map metric names ("loss", "val_loss") to values.
 */
public abstract class Callback {
  private Model model;
  private Map<String, Object> params = Map.of();

  /** Keras's {@code callback.set_model(model)}, called by {@code fit}. */
  public void setModel(Model model) {
    this.model = model;
  }

  /** Keras's {@code callback.model}: the model being trained. */
  public Model model() {
    return model;
  }

  /** Keras's {@code callback.params}: epochs, steps, verbose. */
  public void setParams(Map<String, Object> params) {
    this.params = params;
  }

  /** Keras's {@code callback.params}. */
  public Map<String, Object> params() {
    return params;
  }

  /** Keras's {@code on_train_begin(logs)}. */
  public void onTrainBegin(Map<String, Double> logs) {}

  /** Keras's {@code on_train_end(logs)}. */
  public void onTrainEnd(Map<String, Double> logs) {}

  /** Keras's {@code on_epoch_begin(epoch, logs)}. */
  public void onEpochBegin(int epoch, Map<String, Double> logs) {}

  /** Keras's {@code on_epoch_end(epoch, logs)}: {@code logs} holds the epoch's loss and metrics. */
  public void onEpochEnd(int epoch, Map<String, Double> logs) {}

  /** Keras's {@code on_train_batch_begin(batch, logs)}. */
  public void onTrainBatchBegin(int batch, Map<String, Double> logs) {}

  /** Keras's {@code on_train_batch_end(batch, logs)}. */
  public void onTrainBatchEnd(int batch, Map<String, Double> logs) {}

  /** Keras's {@code on_test_begin(logs)}. */
  public void onTestBegin(Map<String, Double> logs) {}

  /** Keras's {@code on_test_end(logs)}. */
  public void onTestEnd(Map<String, Double> logs) {}

  /** Keras's {@code on_test_batch_begin(batch, logs)}. */
  public void onTestBatchBegin(int batch, Map<String, Double> logs) {}

  /** Keras's {@code on_test_batch_end(batch, logs)}. */
  public void onTestBatchEnd(int batch, Map<String, Double> logs) {}

  /** Keras's {@code on_predict_begin(logs)}. */
  public void onPredictBegin(Map<String, Double> logs) {}

  /** Keras's {@code on_predict_end(logs)}. */
  public void onPredictEnd(Map<String, Double> logs) {}

  /** Keras's {@code on_predict_batch_begin(batch, logs)}. */
  public void onPredictBatchBegin(int batch, Map<String, Double> logs) {}

  /** Keras's {@code on_predict_batch_end(batch, logs)}. */
  public void onPredictBatchEnd(int batch, Map<String, Double> logs) {}
}
