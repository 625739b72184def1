package keras4j.activations;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import keras4j.backend.Backend;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Keras's {@code keras.activations.get(name)}: activation functions by name, extensible with your own. */
public final class Activations {
  private static final Map<String, ActivationFunction> CUSTOM = new ConcurrentHashMap<>();

  private Activations() {}

  /**
   * The activation called {@code name}; {@code null} or "" is linear. "hard_sigmoid" follows
   * {@link Backend#compatibility()}.
   */
  public static ActivationFunction get(String name) {
    return get(name, Backend.compatibility());
  }

  /** The activation called {@code name} with the semantics of the given Keras generation. */
  public static ActivationFunction get(String name, keras4j.backend.Compatibility compat) {
    if (name == null || name.isEmpty() || name.equals("linear") || name.equals("None")) {
      return BuiltinActivation.LINEAR;
    }
    if (name.equals("hard_sigmoid")) {
      return compat.keras2HardSigmoid()
          ? BuiltinActivation.HARD_SIGMOID_KERAS2 : BuiltinActivation.HARD_SIGMOID;
    }
    if (name.equals("silu")) {
      return BuiltinActivation.SWISH;
    }
    ActivationFunction custom = CUSTOM.get(name);
    if (custom != null) {
      return custom;
    }
    for (BuiltinActivation b : BuiltinActivation.values()) {
      if (b.kerasName().equals(name)) {
        return b;
      }
    }
    throw new IllegalArgumentException("Unknown activation function: '" + name + "'. Known activations: "
        + String.join(", ", knownNames()));
  }

  /** Registers a custom activation under a name, as Keras's {@code custom_objects} does. */
  public static ActivationFunction register(String name, java.util.function.BiFunction<Ops, Operand<TFloat32>,
      Operand<TFloat32>> fn) {
    ActivationFunction f = new ActivationFunction() {
      @Override
      public String kerasName() {
        return name;
      }

      @Override
      public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x) {
        return fn.apply(tf, x);
      }
    };
    CUSTOM.put(name, f);
    return f;
  }

  /** The activation names {@code keras.activations.get} accepts here. */
  public static java.util.Set<String> knownNames() {
    Map<String, Boolean> names = new TreeMap<>();
    for (BuiltinActivation b : BuiltinActivation.values()) {
      names.put(b.kerasName(), true);
    }
    names.put("silu", true);
    CUSTOM.keySet().forEach(k -> names.put(k, true));
    return names.keySet();
  }
}
