package keras4j.constraints;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code keras.constraints.Constraint}: a projection applied to a weight after each optimizer step. A
 * lambda works: {@code (tf, w) -> ...}; register it with {@link Constraints#register} to save it.
 */
@FunctionalInterface
public interface Constraint {
  /** Keras's {@code constraint(w)}: the projected weight. */
  Operand<TFloat32> call(Ops tf, Operand<TFloat32> w);

  /** The Keras class name written to configs. */
  default String className() {
    String n = Constraints.registeredName(this);
    return n != null ? n : getClass().getSimpleName();
  }

  /** Keras's {@code get_config()}. */
  default Map<String, Object> getConfig() {
    return new LinkedHashMap<>();
  }
}
