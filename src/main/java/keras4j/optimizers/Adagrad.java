package keras4j.optimizers;

import java.util.List;
import java.util.Map;
import keras4j.backend.KerasVariable;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code Adagrad(learning_rate=0.001, initial_accumulator_value=0.1, epsilon=1e-7)}. Keras 3 puts epsilon
 * inside the square root, which no TensorFlow kernel does, so the update is written with plain ops.
 */
public class Adagrad extends Optimizer {
  private final float initialAccumulatorValue;
  private final float epsilon;

  /** Keras's {@code Adagrad()} with Keras 3's defaults. */
  public Adagrad() {
    this(0.001);
  }

  /** Keras's {@code Adagrad(learning_rate=...)}. */
  public Adagrad(double learningRate) {
    this(learningRate, 0.1, 1e-7);
  }

  /** Keras's {@code Adagrad(learning_rate, initial_accumulator_value, epsilon)}. */
  public Adagrad(double learningRate, double initialAccumulatorValue, double epsilon) {
    super((float) learningRate);
    Checks.nonNegative("initial_accumulator_value", initialAccumulatorValue);
    Checks.positive("epsilon", epsilon);
    this.initialAccumulatorValue = (float) initialAccumulatorValue;
    this.epsilon = (float) epsilon;
  }

  @Override
  protected List<String> slotNames() {
    return List.of("accumulator");
  }

  @Override
  protected float slotInitialValue(String slot) {
    return initialAccumulatorValue;
  }

  @Override
  protected Op update(Ops tf, KerasVariable var, Operand<TFloat32> grad, List<KerasVariable> slots,
      Operand<TFloat32> step, Operand<TFloat32> lr) {
    Operand<TFloat32> acc = tf.assignAdd(slots.get(0).ref(), tf.math.square(grad));
    Operand<TFloat32> inc = tf.math.div(tf.math.mul(lr, grad), tf.math.sqrt(tf.math.add(acc, tf.constant(epsilon))));
    return tf.assignSub(var.ref(), inc);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("initial_accumulator_value", (double) initialAccumulatorValue);
    c.put("epsilon", (double) epsilon);
    return c;
  }
}
