package keras4j.optimizers;

import java.util.List;
import java.util.Map;
import keras4j.backend.KerasVariable;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code SGD(learning_rate=0.01, momentum=0.0, nesterov=False)}: ApplyGradientDescent without momentum;
 * with momentum Keras's {@code m = momentum * m - lr * g; var += m} (or the Nesterov form).
 */
public class SGD extends Optimizer {
  private final float momentum;
  private final boolean nesterov;

  /** Keras's {@code SGD()}: learning rate 0.01, no momentum. */
  public SGD() {
    this(0.01);
  }

  /** Keras's {@code SGD(learning_rate=...)}. */
  public SGD(double learningRate) {
    this(learningRate, 0.0, false);
  }

  /** Keras's {@code SGD(learning_rate, momentum, nesterov)}. */
  public SGD(double learningRate, double momentum, boolean nesterov) {
    super((float) learningRate);
    if (!(momentum >= 0 && momentum <= 1)) {
      throw new IllegalArgumentException("`momentum` must be a float between [0, 1]. Received: momentum=" + momentum);
    }
    this.momentum = (float) momentum;
    this.nesterov = nesterov;
  }

  @Override
  protected List<String> slotNames() {
    return momentum == 0 ? List.of() : List.of("momentum");
  }

  @Override
  protected Op update(Ops tf, KerasVariable var, Operand<TFloat32> grad, List<KerasVariable> slots,
      Operand<TFloat32> step, Operand<TFloat32> lr) {
    if (momentum == 0) {
      return tf.train.applyGradientDescent(var.ref(), lr, grad);
    }
    Operand<TFloat32> mu = tf.constant(momentum);
    Operand<TFloat32> lrg = tf.math.mul(lr, grad);
    Operand<TFloat32> m = tf.assign(slots.get(0).ref(), tf.math.sub(tf.math.mul(slots.get(0).value(), mu), lrg));
    Operand<TFloat32> delta = nesterov ? tf.math.sub(tf.math.mul(m, mu), lrg) : m;
    return tf.assignAdd(var.ref(), delta);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("momentum", (double) momentum);
    c.put("nesterov", nesterov);
    return c;
  }
}
