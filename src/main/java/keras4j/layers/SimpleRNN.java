package keras4j.layers;

import java.util.Map;

/** Keras's {@code SimpleRNN(units, activation="tanh", ...)}: an {@link RNN} over a {@link SimpleRNNCell}. */
public class SimpleRNN extends BaseRNN<SimpleRNN> {

  /** {@code SimpleRNN(units)}. */
  public SimpleRNN(int units) {
    super(new SimpleRNNCell(units));
  }

  /** {@code SimpleRNN(units, activation=...)}. */
  public SimpleRNN(int units, String activation) {
    this(units);
    activation(activation);
  }

  private SimpleRNNCell rnnCell() {
    return (SimpleRNNCell) cell;
  }

  @Override
  public Map<String, Object> getConfig() {
    return withCellOptions(super.getConfig());
  }

  @Override
  protected BaseRNN<?> recreate(LayerConfig c) {
    return fromConfig(c);
  }

  /** Keras's {@code SimpleRNN.from_config}. */
  public static SimpleRNN fromConfig(LayerConfig c) {
    SimpleRNN l = new SimpleRNN(c.getInt("units"));
    RNNCell.configure(l.rnnCell(), c);
    return configure(l, c);
  }
}
