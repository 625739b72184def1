package keras4j.layers;

import java.util.List;
import java.util.Map;
import keras4j.activations.Activations;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code GRUCell(units, activation="tanh", recurrent_activation="sigmoid", reset_after=True, ...)}: gates in
 * Keras's order z, r, h; with {@code reset_after} the bias is {@code (2, 3 units)} (input and recurrent biases) and
 * the reset gate multiplies {@code h . recurrent_kernel}, otherwise the bias is {@code (3 units)} and the reset gate
 * multiplies {@code h} before the product.
 */
public class GRUCell extends RNNCell<GRUCell> {
  private boolean resetAfter = true;

  /** {@code GRUCell(units)}. */
  public GRUCell(int units) {
    super(units);
    recurrentActivation = Activations.get("sigmoid");
  }

  /** Keras's {@code reset_after=} (True in Keras 3 and tf.keras 2; False in Keras 2.2). */
  public GRUCell resetAfter(boolean b) {
    checkNotBuilt();
    this.resetAfter = b;
    return this;
  }

  public boolean resetAfter() {
    return resetAfter;
  }

  @Override
  public int[] stateSizes() {
    return new int[] {units};
  }

  @Override
  protected int gates() {
    return 3;
  }

  @Override
  protected long[] biasShape() {
    return resetAfter ? new long[] {2, 3L * units} : new long[] {3L * units};
  }

  @Override
  protected Operand<TFloat32> inputBias(Ops tf) {
    if (!resetAfter) {
      return bias.value();
    }
    return tf.reshape(tf.slice(bias.value(), tf.constant(new int[] {0, 0}), tf.constant(new int[] {1, -1})),
        tf.constant(new long[] {-1}));
  }

  private Operand<TFloat32> recurrentBias(Ops tf) {
    return tf.reshape(tf.slice(bias.value(), tf.constant(new int[] {1, 0}), tf.constant(new int[] {1, -1})),
        tf.constant(new long[] {-1}));
  }

  @Override
  List<Operand<TFloat32>> step(Ops tf, Operand<TFloat32> xProj, List<Operand<TFloat32>> states, Masks m) {
    Operand<TFloat32> h = states.get(0);
    List<Operand<TFloat32>> x = splitColumns(tf, xProj, 3);
    List<Operand<TFloat32>> uk = splitColumns(tf, recurrentKernel.value(), 3);
    Operand<TFloat32> hz = m.recurrent == null ? h : tf.math.mul(h, m.recurrent.get(0));
    Operand<TFloat32> hr = m.recurrent == null ? h : tf.math.mul(h, m.recurrent.get(1));
    Operand<TFloat32> hh = m.recurrent == null ? h : tf.math.mul(h, m.recurrent.get(2));
    Operand<TFloat32> recZ;
    Operand<TFloat32> recR;
    Operand<TFloat32> recH = null;
    if (m.recurrent == null && resetAfter) {
      Operand<TFloat32> inner = tf.linalg.matMul(h, recurrentKernel.value());
      if (useBias) {
        inner = tf.math.add(inner, recurrentBias(tf));
      }
      List<Operand<TFloat32>> r3 = splitColumns(tf, inner, 3);
      recZ = r3.get(0);
      recR = r3.get(1);
      recH = r3.get(2);
    } else {
      recZ = tf.linalg.matMul(hz, uk.get(0));
      recR = tf.linalg.matMul(hr, uk.get(1));
      if (resetAfter && useBias) {
        List<Operand<TFloat32>> rb = splitColumns(tf, tf.expandDims(recurrentBias(tf), tf.constant(0)), 3);
        recZ = tf.math.add(recZ, rb.get(0));
        recR = tf.math.add(recR, rb.get(1));
        recH = tf.math.add(tf.linalg.matMul(hh, uk.get(2)), rb.get(2));
      } else if (resetAfter) {
        recH = tf.linalg.matMul(hh, uk.get(2));
      }
    }
    Operand<TFloat32> z = recurrentActivation.apply(tf, tf.math.add(x.get(0), recZ));
    Operand<TFloat32> r = recurrentActivation.apply(tf, tf.math.add(x.get(1), recR));
    Operand<TFloat32> rh = resetAfter ? tf.math.mul(r, recH) : tf.linalg.matMul(tf.math.mul(r, hh), uk.get(2));
    Operand<TFloat32> cand = activation.apply(tf, tf.math.add(x.get(2), rh));
    Operand<TFloat32> one = tf.constant(1f);
    Operand<TFloat32> h2 = tf.math.add(tf.math.mul(z, h), tf.math.mul(tf.math.sub(one, z), cand));
    return List.of(h2, h2);
  }

  @Override
  protected void putTrailingConfig(Map<String, Object> c) {
    c.put("reset_after", resetAfter);
  }

  @Override
  RNNCell<?> recreate() {
    return fromConfig(new LayerConfig("GRUCell", getConfig()));
  }

  /** Keras's {@code GRUCell.from_config}. */
  public static GRUCell fromConfig(LayerConfig c) {
    return fromConfigInto(new GRUCell(c.getInt("units")), c);
  }

  /** Reads a cell's options from a layer or cell config into {@code cell}. */
  static GRUCell fromConfigInto(GRUCell cell, LayerConfig c) {
    return configure(cell, c).resetAfter(c.getBool("reset_after", true));
  }
}
