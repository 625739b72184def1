package keras4j.regularizers;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code keras.regularizers.Regularizer}: a scalar penalty of a weight or of a layer's output, added to the
 * training loss. Implement {@link #call} (a lambda works: {@code (tf, x) -> ...}) and, to save it, register it with
 * {@link Regularizers#register}.
 */
@FunctionalInterface
public interface Regularizer {
  /** Keras's {@code regularizer(x)}: the penalty of {@code x}. */
  Operand<TFloat32> call(Ops tf, Operand<TFloat32> x);

  /** The Keras class name written to configs. */
  default String className() {
    String n = Regularizers.registeredName(this);
    return n != null ? n : getClass().getSimpleName();
  }

  /** Keras's {@code get_config()}. */
  default Map<String, Object> getConfig() {
    return new LinkedHashMap<>();
  }
}
