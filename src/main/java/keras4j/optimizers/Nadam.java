package keras4j.optimizers;

import java.util.List;
import java.util.Map;
import keras4j.backend.Context;
import keras4j.backend.KerasVariable;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code Nadam(learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7)} with Keras 3's momentum
 * cache ({@code u_product}, decay 0.96). No TensorFlow kernel computes it; it is written with plain ops.
 */
public class Nadam extends Optimizer {
  private final float beta1;
  private final float beta2;
  private final float epsilon;
  private KerasVariable uProduct;
  private Operand<TFloat32> uProductNew;

  /** Keras's {@code Nadam()} with Keras 3's defaults. */
  public Nadam() {
    this(0.001);
  }

  /** Keras's {@code Nadam(learning_rate=...)}. */
  public Nadam(double learningRate) {
    this(learningRate, 0.9, 0.999, 1e-7);
  }

  /** Keras's {@code Nadam(learning_rate, beta_1, beta_2, epsilon)}. */
  public Nadam(double learningRate, double beta1, double beta2, double epsilon) {
    super((float) learningRate);
    Checks.unit("beta_1", beta1);
    Checks.unit("beta_2", beta2);
    Checks.positive("epsilon", epsilon);
    this.beta1 = (float) beta1;
    this.beta2 = (float) beta2;
    this.epsilon = (float) epsilon;
  }

  @Override
  protected List<String> slotNames() {
    return List.of("momentum", "velocity");
  }

  @Override
  protected void buildGlobals(Context ctx) {
    uProduct = globalVariable("u_product", 1f);
  }

  @Override
  protected List<KerasVariable> extraVariables() {
    return List.of(uProduct);
  }

  private Operand<TFloat32> u(Ops tf, Operand<TFloat32> t) {
    Operand<TFloat32> decay = tf.math.pow(tf.constant(0.96f), t);
    return tf.math.mul(tf.constant(beta1), tf.math.sub(tf.constant(1f), tf.math.mul(tf.constant(0.5f), decay)));
  }

  @Override
  protected List<Op> prepare(Ops tf, Operand<TFloat32> step) {
    org.tensorflow.op.core.Assign<TFloat32> a = tf.assign(uProduct.ref(), tf.math.mul(uProduct.value(), u(tf, step)));
    uProductNew = a;
    return List.of(a);
  }

  @Override
  protected Op update(Ops tf, KerasVariable var, Operand<TFloat32> grad, List<KerasVariable> slots,
      Operand<TFloat32> step, Operand<TFloat32> lr) {
    Operand<TFloat32> one = tf.constant(1f);
    Operand<TFloat32> uT = u(tf, step);
    Operand<TFloat32> uT1 = u(tf, tf.math.add(step, one));
    Operand<TFloat32> pT = uProductNew;
    Operand<TFloat32> pT1 = tf.math.mul(pT, uT1);
    Operand<TFloat32> b2Power = tf.math.pow(tf.constant(beta2), step);
    KerasVariable m = slots.get(0);
    KerasVariable v = slots.get(1);
    Operand<TFloat32> mNew = tf.assignAdd(m.ref(), tf.math.mul(tf.math.sub(grad, m.value()), tf.constant(1 - beta1)));
    Operand<TFloat32> vNew = tf.assignAdd(v.ref(),
        tf.math.mul(tf.math.sub(tf.math.square(grad), v.value()), tf.constant(1 - beta2)));
    Operand<TFloat32> mHat = tf.math.add(
        tf.math.div(tf.math.mul(uT1, mNew), tf.math.sub(one, pT1)),
        tf.math.div(tf.math.mul(tf.math.sub(one, uT), grad), tf.math.sub(one, pT)));
    Operand<TFloat32> vHat = tf.math.div(vNew, tf.math.sub(one, b2Power));
    Operand<TFloat32> inc = tf.math.div(tf.math.mul(mHat, lr), tf.math.add(tf.math.sqrt(vHat), tf.constant(epsilon)));
    return tf.assignSub(var.ref(), inc);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("beta_1", (double) beta1);
    c.put("beta_2", (double) beta2);
    c.put("epsilon", (double) epsilon);
    return c;
  }
}
