package keras4j.layers;

/**
 * The base of keras4j's concrete layers: Keras's {@code keras.layers.Layer} whose fluent setters inherited from
 * {@link Layer} ({@code name}, {@code trainable}, {@code inputShape}) return the concrete layer type, so that
 * {@code new Dense(32).name("enc").activation("relu")} and {@code Dense d = new Dense(32).trainable(false)} compile.
 *
 * @param <T> the concrete layer class
 */
public abstract class BaseLayer<T extends BaseLayer<T>> extends Layer {

  /** For subclasses. */
  protected BaseLayer() {}

  @SuppressWarnings("unchecked")
  private T self() {
    return (T) this;
  }

  /** Keras's {@code name=} argument. */
  @Override
  public T name(String newName) {
    super.name(newName);
    return self();
  }

  /** Keras's {@code layer.trainable = ...}. */
  @Override
  public T trainable(boolean t) {
    super.trainable(t);
    return self();
  }

  /** Keras's {@code input_shape=} argument, without the batch dimension. */
  @Override
  public T inputShape(long... dims) {
    super.inputShape(dims);
    return self();
  }

  /** Keras's {@code activity_regularizer=} argument, common to every layer. */
  public T activityRegularizer(keras4j.regularizers.Regularizer r) {
    setActivityRegularizer(r);
    return self();
  }
}
