package keras4j.activations;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** An activation function as Keras names it ({@code keras.activations.*}), built with the graph's {@link Ops}. */
public interface ActivationFunction {
  /** The Keras name written to configs ("relu"). */
  String kerasName();

  /** Applies the activation to {@code x} with the graph's ops, as Keras's {@code activation(x)}. */
  Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x);
}
