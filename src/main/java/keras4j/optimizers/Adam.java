package keras4j.optimizers;

import java.util.List;
import java.util.Map;
import keras4j.backend.KerasVariable;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code Adam(learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7)}, on TensorFlow's ApplyAdam
 * kernel with bias corrections {@code beta^t}, t = iterations + 1, exactly as Keras 3 computes them.
 */
public class Adam extends Optimizer {
  private final float beta1;
  private final float beta2;
  private final float epsilon;
  private final boolean amsgrad;

  /** Keras's {@code Adam()}: learning rate 0.001, beta_1 0.9, beta_2 0.999, epsilon 1e-7. */
  public Adam() {
    this(0.001f);
  }

  /** Keras's {@code Adam(learning_rate=...)}. */
  public Adam(double learningRate) {
    this(learningRate, 0.9, 0.999, 1e-7);
  }

  /** Keras's {@code Adam(learning_rate, beta_1, beta_2, epsilon)}. */
  public Adam(double learningRate, double beta1, double beta2, double epsilon) {
    this(learningRate, beta1, beta2, epsilon, false);
  }

  /** Keras's {@code Adam(learning_rate, beta_1, beta_2, epsilon, amsgrad)}. */
  public Adam(double learningRate, double beta1, double beta2, double epsilon, boolean amsgrad) {
    super((float) learningRate);
    this.amsgrad = amsgrad;
    Checks.unit("beta_1", beta1);
    Checks.unit("beta_2", beta2);
    Checks.positive("epsilon", epsilon);
    this.beta1 = (float) beta1;
    this.beta2 = (float) beta2;
    this.epsilon = (float) epsilon;
  }

  @Override
  protected List<String> slotNames() {
    return amsgrad ? List.of("momentum", "velocity", "velocity_hat") : List.of("momentum", "velocity");
  }

  /** Keras interleaves momentum and velocity per variable, then creates the velocity_hats (amsgrad). */
  @Override
  protected List<List<String>> slotGroups() {
    return amsgrad ? List.of(List.of("momentum", "velocity"), List.of("velocity_hat")) : List.of(slotNames());
  }

  @Override
  protected Op update(Ops tf, KerasVariable var, Operand<TFloat32> grad, List<KerasVariable> slots,
      Operand<TFloat32> step, Operand<TFloat32> lr) {
    Operand<TFloat32> b1 = tf.constant(beta1);
    Operand<TFloat32> b2 = tf.constant(beta2);
    if (amsgrad) {
      return amsgradUpdate(tf, var, grad, slots, step, lr);
    }
    return tf.train.applyAdam(var.ref(), slots.get(0).ref(), slots.get(1).ref(), tf.math.pow(b1, step),
        tf.math.pow(b2, step), lr, b1, b2, tf.constant(epsilon), grad);
  }

  /** Keras 3's update_step with amsgrad: the denominator uses the running maximum of the velocity. */
  private Op amsgradUpdate(Ops tf, KerasVariable var, Operand<TFloat32> grad, List<KerasVariable> slots,
      Operand<TFloat32> step, Operand<TFloat32> lr) {
    Operand<TFloat32> one = tf.constant(1f);
    Operand<TFloat32> alpha = tf.math.div(tf.math.mul(lr, tf.math.sqrt(tf.math.sub(one,
        tf.math.pow(tf.constant(beta2), step)))), tf.math.sub(one, tf.math.pow(tf.constant(beta1), step)));
    KerasVariable m = slots.get(0);
    KerasVariable v = slots.get(1);
    KerasVariable vHat = slots.get(2);
    Operand<TFloat32> mNew = tf.assignAdd(m.ref(), tf.math.mul(tf.math.sub(grad, m.value()), tf.constant(1 - beta1)));
    Operand<TFloat32> vNew = tf.assignAdd(v.ref(),
        tf.math.mul(tf.math.sub(tf.math.square(grad), v.value()), tf.constant(1 - beta2)));
    Operand<TFloat32> vMax = tf.assign(vHat.ref(), tf.math.maximum(vHat.value(), vNew));
    return tf.assignSub(var.ref(), tf.math.div(tf.math.mul(mNew, alpha),
        tf.math.add(tf.math.sqrt(vMax), tf.constant(epsilon))));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("beta_1", (double) beta1);
    c.put("beta_2", (double) beta2);
    c.put("epsilon", (double) epsilon);
    c.put("amsgrad", amsgrad);
    return c;
  }
}
