package keras4j.layers;

import java.util.Map;

/**
 * Keras's {@code LSTM(units, activation="tanh", recurrent_activation="sigmoid", return_sequences=False, ...)}: an
 * {@link RNN} over an {@link LSTMCell}, whose options it exposes. Weights as Keras stores them: {@code kernel},
 * {@code recurrent_kernel}, {@code bias}, gates i, f, c, o.
 */
public class LSTM extends BaseRNN<LSTM> {

  /** {@code LSTM(units)}. */
  public LSTM(int units) {
    super(new LSTMCell(units));
  }

  /** {@code LSTM(units, activation=...)}. */
  public LSTM(int units, String activation) {
    this(units);
    activation(activation);
  }

  private LSTMCell lstmCell() {
    return (LSTMCell) cell;
  }

  /** Keras's {@code recurrent_activation=} ("sigmoid"). */
  public LSTM recurrentActivation(String name) {
    lstmCell().recurrentActivation(name);
    return this;
  }

  /** Keras's {@code unit_forget_bias=}. */
  public LSTM unitForgetBias(boolean b) {
    lstmCell().unitForgetBias(b);
    return this;
  }

  @Override
  public Map<String, Object> getConfig() {
    return withCellOptions(super.getConfig());
  }

  @Override
  protected BaseRNN<?> recreate(LayerConfig c) {
    return fromConfig(c);
  }

  /** Keras's {@code LSTM.from_config}. */
  public static LSTM fromConfig(LayerConfig c) {
    LSTM l = new LSTM(c.getInt("units"));
    LSTMCell.fromConfigInto(l.lstmCell(), c);
    return configure(l, c);
  }
}
