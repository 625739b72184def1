package keras4j.layers;

import java.util.Map;

/**
 * Keras's {@code GRU(units, activation="tanh", recurrent_activation="sigmoid", reset_after=True, ...)}: an
 * {@link RNN} over a {@link GRUCell}. Weights as Keras stores them: {@code kernel}, {@code recurrent_kernel},
 * {@code bias} ({@code (2, 3 units)} with {@code reset_after}), gates z, r, h.
 */
public class GRU extends BaseRNN<GRU> {

  /** {@code GRU(units)}. */
  public GRU(int units) {
    super(new GRUCell(units));
  }

  /** {@code GRU(units, activation=...)}. */
  public GRU(int units, String activation) {
    this(units);
    activation(activation);
  }

  private GRUCell gruCell() {
    return (GRUCell) cell;
  }

  /** Keras's {@code recurrent_activation=} ("sigmoid"). */
  public GRU recurrentActivation(String name) {
    gruCell().recurrentActivation(name);
    return this;
  }

  /** Keras's {@code reset_after=}. */
  public GRU resetAfter(boolean b) {
    gruCell().resetAfter(b);
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

  /** Keras's {@code GRU.from_config}. */
  public static GRU fromConfig(LayerConfig c) {
    GRU l = new GRU(c.getInt("units"));
    GRUCell.fromConfigInto(l.gruCell(), c);
    return configure(l, c);
  }
}
