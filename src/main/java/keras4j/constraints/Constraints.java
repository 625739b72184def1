package keras4j.constraints;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import keras4j.utils.ObjectRegistry;

/** Keras's {@code keras.constraints.get / serialize / deserialize}, and registration of custom constraints. */
public final class Constraints {
  private static final ObjectRegistry<Constraint> REGISTRY =
      new ObjectRegistry<>("constraint", "Constraints", Constraint::className, Constraint::getConfig);

  static {
    REGISTRY.builtin("MaxNorm", "max_norm", c -> new MaxNorm(num(c, "max_value", 2), axis(c)));
    REGISTRY.builtin("NonNeg", "non_neg", c -> new NonNeg());
    REGISTRY.builtin("UnitNorm", "unit_norm", c -> new UnitNorm(axis(c)));
    REGISTRY.builtin("MinMaxNorm", "min_max_norm", c -> new MinMaxNorm(num(c, "min_value", 0),
        num(c, "max_value", 1), num(c, "rate", 1), axis(c)));
  }

  private Constraints() {}

  /** Keras's {@code constraints.get("non_neg")}. */
  public static Constraint get(String name) {
    return REGISTRY.get(name);
  }

  /** A constraint from its class name (or alias, or a registered name) and config. */
  public static Constraint fromConfig(String className, Map<String, Object> config) {
    return REGISTRY.fromConfig(className, config);
  }

  /** Keras's {@code register_keras_serializable} for a constraint class. */
  public static void register(String className, Function<Map<String, Object>, Constraint> factory) {
    REGISTRY.register(className, factory);
  }

  /** Registers one constraint instance (a lambda) under a name so that it can be saved and loaded. */
  public static <C extends Constraint> C registerInstance(String className, C instance) {
    return REGISTRY.registerInstance(className, instance);
  }

  static String registeredName(Constraint c) {
    return REGISTRY.registeredName(c);
  }

  /** Keras's {@code constraints.serialize}, or null. */
  public static Map<String, Object> serialize(Constraint c) {
    return REGISTRY.serialize(c);
  }

  /** Keras's {@code constraints.deserialize}: null, a name, or a {@code {"class_name", "config"}} map. */
  public static Constraint deserialize(Object spec) {
    return REGISTRY.deserialize(spec);
  }

  private static double num(Map<String, Object> c, String k, double dflt) {
    return ObjectRegistry.num(c, k, dflt);
  }

  private static int[] axis(Map<String, Object> c) {
    Object v = c.get("axis");
    if (v == null) {
      return new int[] {0};
    }
    if (v instanceof Number n) {
      return new int[] {n.intValue()};
    }
    if (v instanceof List<?> l) {
      int[] a = new int[l.size()];
      for (int i = 0; i < a.length; i++) {
        a[i] = ((Number) l.get(i)).intValue();
      }
      return a;
    }
    throw new IllegalArgumentException("A constraint's axis must be an integer or a list of integers, received " + v);
  }
}
