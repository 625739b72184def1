package keras4j.optimizers;

import java.util.List;
import java.util.Map;
import keras4j.backend.KerasVariable;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Keras's {@code Adamax(learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7)} on ApplyAdaMax. */
public class Adamax extends Optimizer {
  private final float beta1;
  private final float beta2;
  private final float epsilon;

  /** Keras's {@code Adamax()} with Keras 3's defaults. */
  public Adamax() {
    this(0.001);
  }

  /** Keras's {@code Adamax(learning_rate=...)}. */
  public Adamax(double learningRate) {
    this(learningRate, 0.9, 0.999, 1e-7);
  }

  /** Keras's {@code Adamax(learning_rate, beta_1, beta_2, epsilon)}. */
  public Adamax(double learningRate, double beta1, double beta2, double epsilon) {
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
    return List.of("momentum", "norm");
  }

  @Override
  protected Op update(Ops tf, KerasVariable var, Operand<TFloat32> grad, List<KerasVariable> slots,
      Operand<TFloat32> step, Operand<TFloat32> lr) {
    Operand<TFloat32> b1 = tf.constant(beta1);
    return tf.train.applyAdaMax(var.ref(), slots.get(0).ref(), slots.get(1).ref(), tf.math.pow(b1, step), lr, b1,
        tf.constant(beta2), tf.constant(epsilon), grad);
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
