package keras4j.layers;

import java.util.Map;
import java.util.function.Function;

/**
 * Keras's generic {@code RNN(cell, return_sequences=False, ...)} over one of keras4j's cells ({@link LSTMCell},
 * {@link GRUCell}, {@link SimpleRNNCell}); the config nests the cell as Keras does ({@code "cell": {...}}).
 */
public class RNN extends BaseRNN<RNN> {

  /** {@code RNN(cell)}. */
  public RNN(RNNCell<?> cell) {
    super(cell);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("cell", cell);
    return c;
  }

  @Override
  protected BaseRNN<?> recreate(LayerConfig c) {
    return fromConfig(c, e -> ((RNNCell<?>) e).recreate());
  }

  /** Keras's {@code RNN.from_config}; {@code layers} reads the nested cell entry. */
  public static RNN fromConfig(LayerConfig c, Function<Object, Layer> layers) {
    Layer cell = layers.apply(c.map().get("cell"));
    if (!(cell instanceof RNNCell<?> rc)) {
      throw new IllegalArgumentException("Layer '" + c.layerName() + "' (RNN): config key 'cell' expected an "
          + "LSTMCell, GRUCell or SimpleRNNCell, received " + cell.className());
    }
    return configure(new RNN(rc), c);
  }
}
