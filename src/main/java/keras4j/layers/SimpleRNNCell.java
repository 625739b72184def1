package keras4j.layers;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Keras's {@code SimpleRNNCell(units, activation="tanh", ...)}: {@code h = activation(x . kernel + bias + h . recurrent_kernel)}. */
public class SimpleRNNCell extends RNNCell<SimpleRNNCell> {

  /** {@code SimpleRNNCell(units)}. */
  public SimpleRNNCell(int units) {
    super(units);
  }

  @Override
  public int[] stateSizes() {
    return new int[] {units};
  }

  @Override
  protected int gates() {
    return 1;
  }

  @Override
  protected int maskCount() {
    return 1;
  }

  @Override
  List<Operand<TFloat32>> step(Ops tf, Operand<TFloat32> xProj, List<Operand<TFloat32>> states, Masks m) {
    Operand<TFloat32> h = activation.apply(tf, tf.math.add(xProj, recurrent(tf, states.get(0), m)));
    return List.of(h, h);
  }

  @Override
  RNNCell<?> recreate() {
    return fromConfig(new LayerConfig("SimpleRNNCell", getConfig()));
  }

  /** Keras's {@code SimpleRNNCell.from_config}. */
  public static SimpleRNNCell fromConfig(LayerConfig c) {
    return configure(new SimpleRNNCell(c.getInt("units")), c);
  }
}
