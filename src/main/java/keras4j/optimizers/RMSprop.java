package keras4j.optimizers;

import java.util.List;
import java.util.Map;
import keras4j.backend.KerasVariable;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code RMSprop(learning_rate=0.001, rho=0.9, momentum=0.0, epsilon=1e-7, centered=False)} on
 * TensorFlow's ApplyRMSProp / ApplyCenteredRMSProp kernels (epsilon inside the square root, as Keras 3).
 */
public class RMSprop extends Optimizer {
  private final float rho;
  private final float momentum;
  private final float epsilon;
  private final boolean centered;

  /** Keras's {@code RMSprop()} with Keras 3's defaults. */
  public RMSprop() {
    this(0.001);
  }

  /** Keras's {@code RMSprop(learning_rate=...)}. */
  public RMSprop(double learningRate) {
    this(learningRate, 0.9, 0.0, 1e-7, false);
  }

  /** Keras's {@code RMSprop(learning_rate, rho, momentum, epsilon, centered)}. */
  public RMSprop(double learningRate, double rho, double momentum, double epsilon, boolean centered) {
    super((float) learningRate);
    Checks.unit("rho", rho);
    Checks.unit("momentum", momentum);
    Checks.positive("epsilon", epsilon);
    this.rho = (float) rho;
    this.momentum = (float) momentum;
    this.epsilon = (float) epsilon;
    this.centered = centered;
  }

  @Override
  protected List<String> slotNames() {
    return centered ? List.of("velocity", "momentum", "average_gradient") : List.of("velocity", "momentum");
  }

  /** Keras creates all velocities, then the momentums (only when momentum > 0), then the average gradients. */
  @Override
  protected List<List<String>> slotGroups() {
    List<List<String>> g = new java.util.ArrayList<>();
    g.add(List.of("velocity"));
    if (momentum > 0) {
      g.add(List.of("momentum"));
    }
    if (centered) {
      g.add(List.of("average_gradient"));
    }
    return g;
  }

  @Override
  protected Op update(Ops tf, KerasVariable var, Operand<TFloat32> grad, List<KerasVariable> slots,
      Operand<TFloat32> step, Operand<TFloat32> lr) {
    if (centered) {
      return tf.train.applyCenteredRmsProp(var.ref(), slots.get(2).ref(), slots.get(0).ref(), slots.get(1).ref(), lr,
          tf.constant(rho), tf.constant(momentum), tf.constant(epsilon), grad);
    }
    return tf.train.applyRmsProp(var.ref(), slots.get(0).ref(), slots.get(1).ref(), lr, tf.constant(rho),
        tf.constant(momentum), tf.constant(epsilon), grad);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("rho", (double) rho);
    c.put("momentum", (double) momentum);
    c.put("epsilon", (double) epsilon);
    c.put("centered", centered);
    return c;
  }
}
