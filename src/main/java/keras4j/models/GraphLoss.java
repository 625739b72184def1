package keras4j.models;

import java.util.function.Function;
import keras4j.layers.KerasTensor;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A loss over a functional model's tensors, for {@link Model#addLoss(GraphLoss)}: tf.keras's
 * {@code model.add_loss(tensor)} where the tensor is built from the model's inputs and intermediate outputs (the
 * Keras blog's VAE). {@code value.apply(t)} gives the graph value of any tensor of the model in the step being built.
 */
@FunctionalInterface
public interface GraphLoss {
  /** The loss (summed if not scalar). */
  Operand<TFloat32> call(Ops tf, Function<KerasTensor, Operand<TFloat32>> value);
}
