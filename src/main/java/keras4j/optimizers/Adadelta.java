package keras4j.optimizers;

import java.util.List;
import java.util.Map;
import keras4j.backend.Backend;
import keras4j.backend.KerasVariable;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code Adadelta(learning_rate=0.001, rho=0.95, epsilon=1e-7)} on TensorFlow's ApplyAdadelta kernel.
 * The default learning rate follows {@link Backend#compatibility()}: 0.001 in Keras 3 and tf.keras, 1.0 in
 * standalone Keras 2.x ({@code new Adadelta(1.0)} chooses it explicitly).
 */
public class Adadelta extends Optimizer {
  private final float rho;
  private final float epsilon;

  /** Keras's {@code Adadelta()}: learning rate 0.001 (1.0 in {@code Compatibility.KERAS_2}), rho 0.95, epsilon 1e-7. */
  public Adadelta() {
    this(Backend.compatibility().adadeltaLearningRate());
  }

  /** Keras's {@code Adadelta(learning_rate=...)}. */
  public Adadelta(double learningRate) {
    this(learningRate, 0.95, 1e-7);
  }

  /** Keras's {@code Adadelta(learning_rate, rho, epsilon)}. */
  public Adadelta(double learningRate, double rho, double epsilon) {
    super((float) learningRate);
    Checks.unit("rho", rho);
    Checks.positive("epsilon", epsilon);
    this.rho = (float) rho;
    this.epsilon = (float) epsilon;
  }

  @Override
  protected List<String> slotNames() {
    return List.of("accumulated_grad", "accumulated_delta_var");
  }

  @Override
  protected Op update(Ops tf, KerasVariable var, Operand<TFloat32> grad, List<KerasVariable> slots,
      Operand<TFloat32> step, Operand<TFloat32> lr) {
    return tf.train.applyAdadelta(var.ref(), slots.get(0).ref(), slots.get(1).ref(), lr, tf.constant(rho),
        tf.constant(epsilon), grad);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("rho", (double) rho);
    c.put("epsilon", (double) epsilon);
    return c;
  }
}
