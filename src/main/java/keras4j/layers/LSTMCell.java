package keras4j.layers;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import keras4j.activations.Activations;
import keras4j.initializers.Initializer;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code LSTMCell(units, activation="tanh", recurrent_activation="sigmoid", unit_forget_bias=True, ...)}:
 * gates in Keras's order i, f, c, o in {@code kernel (features, 4 units)}, {@code recurrent_kernel (units, 4 units)}
 * and {@code bias (4 units)}; states {@code [h, c]}.
 */
public class LSTMCell extends RNNCell<LSTMCell> {
  private boolean unitForgetBias = true;

  /** {@code LSTMCell(units)}. */
  public LSTMCell(int units) {
    super(units);
    recurrentActivation = Activations.get("sigmoid");
  }

  /** Keras's {@code unit_forget_bias=}: the forget gate's bias starts at 1. */
  public LSTMCell unitForgetBias(boolean b) {
    checkNotBuilt();
    this.unitForgetBias = b;
    return this;
  }

  public boolean unitForgetBias() {
    return unitForgetBias;
  }

  @Override
  public int[] stateSizes() {
    return new int[] {units, units};
  }

  @Override
  protected int gates() {
    return 4;
  }

  @Override
  protected Initializer biasInitializer() {
    if (!unitForgetBias) {
      return biasInitializer;
    }
    Initializer base = biasInitializer;
    return new Initializer() {
      @Override
      public float[] generate(long[] shape, RandomGenerator rng) {
        float[] i = base.generate(new long[] {units}, rng);
        float[] rest = base.generate(new long[] {2L * units}, rng);
        float[] out = new float[4 * units];
        System.arraycopy(i, 0, out, 0, units);
        java.util.Arrays.fill(out, units, 2 * units, 1f);
        System.arraycopy(rest, 0, out, 2 * units, 2 * units);
        return out;
      }
    };
  }

  /** True when TensorFlow's fused BlockLSTM kernel computes exactly this cell (Keras's default activations). */
  boolean fusable() {
    return "tanh".equals(activation.kerasName()) && "sigmoid".equals(recurrentActivation.kerasName());
  }

  @Override
  List<Operand<TFloat32>> step(Ops tf, Operand<TFloat32> xProj, List<Operand<TFloat32>> states, Masks m) {
    Operand<TFloat32> h = states.get(0);
    Operand<TFloat32> c = states.get(1);
    Operand<TFloat32> z = tf.math.add(xProj, recurrent(tf, h, m));
    List<Operand<TFloat32>> g = splitColumns(tf, z, 4);
    Operand<TFloat32> i = recurrentActivation.apply(tf, g.get(0));
    Operand<TFloat32> f = recurrentActivation.apply(tf, g.get(1));
    Operand<TFloat32> c2 = tf.math.add(tf.math.mul(f, c), tf.math.mul(i, activation.apply(tf, g.get(2))));
    Operand<TFloat32> o = recurrentActivation.apply(tf, g.get(3));
    Operand<TFloat32> h2 = tf.math.mul(o, activation.apply(tf, c2));
    return List.of(h2, h2, c2);
  }

  @Override
  protected void putExtraConfig(Map<String, Object> c) {
    c.put("unit_forget_bias", unitForgetBias);
  }

  @Override
  RNNCell<?> recreate() {
    return fromConfig(new LayerConfig("LSTMCell", getConfig()));
  }

  /** Keras's {@code LSTMCell.from_config}. */
  public static LSTMCell fromConfig(LayerConfig c) {
    return fromConfigInto(new LSTMCell(c.getInt("units")), c);
  }

  /** Reads a cell's options from a layer or cell config into {@code cell}. */
  static LSTMCell fromConfigInto(LSTMCell cell, LayerConfig c) {
    return configure(cell, c).unitForgetBias(c.getBool("unit_forget_bias", true));
  }
}
