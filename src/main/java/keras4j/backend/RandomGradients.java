package keras4j.backend;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.TensorFlow;

/**
 * Random ops carry no gradient, as in Keras ({@code ops.NotDifferentiable} in TensorFlow's Python): TensorFlow's
 * C++ gradient registry, which graph-mode gradients use, lacks entries for them, so a layer that draws noise
 * shaped like its input (a VAE's sampling, {@code GaussianNoise}) could not be trained. This registers, once per
 * JVM, gradients of zeros for their inputs (shapes and seeds).
 */
final class RandomGradients {
  /**
   * The random ops keras4j's layers and users' Keras code create. TF Java's JavaCPP gradient callbacks are limited to
   * 10 per JVM (a later registration gets a null function pointer and would abort the JVM when used), and
   * {@link FusedLstm} takes one, so this list stays short: 6 of 10, leaving 3 for users.
   */
  private static final String[] RANDOM_OPS = {
    "RandomStandardNormal", "RandomUniform", "RandomUniformInt", "TruncatedNormal", "StatelessRandomNormal",
    "StatelessRandomUniform"
  };
  private static boolean registered;

  private RandomGradients() {}

  static synchronized void register() {
    if (registered) {
      return;
    }
    registered = true;
    for (String type : RANDOM_OPS) {
      TensorFlow.registerCustomGradient(type, (tf, op, gradOutputs) -> {
        List<Operand<?>> zeros = new ArrayList<>();
        for (int i = 0; i < op.numInputs(); i++) {
          @SuppressWarnings({"rawtypes", "unchecked"})
          Operand<?> z = tf.zerosLike((Operand) op.input(i));
          zeros.add(z);
        }
        return zeros;
      });
    }
  }
}
