package keras4j.constraints;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** Keras's {@code keras.constraints.get / serialize / deserialize}, and registration of custom constraints. */
public final class Constraints {
  private static final Map<String, Function<Map<String, Object>, Constraint>> BY_CLASS = new ConcurrentHashMap<>();
  private static final Map<String, String> ALIASES = new LinkedHashMap<>();
  private static final Map<Constraint, String> NAMED = new IdentityHashMap<>();

  static {
    BY_CLASS.put("MaxNorm", c -> new MaxNorm(num(c, "max_value", 2), axis(c)));
    BY_CLASS.put("NonNeg", c -> new NonNeg());
    BY_CLASS.put("UnitNorm", c -> new UnitNorm(axis(c)));
    BY_CLASS.put("MinMaxNorm", c -> new MinMaxNorm(num(c, "min_value", 0), num(c, "max_value", 1),
        num(c, "rate", 1), axis(c)));
    ALIASES.put("max_norm", "MaxNorm");
    ALIASES.put("non_neg", "NonNeg");
    ALIASES.put("unit_norm", "UnitNorm");
    ALIASES.put("min_max_norm", "MinMaxNorm");
  }

  private Constraints() {}

  /** Keras's {@code constraints.get("non_neg")}. */
  public static Constraint get(String name) {
    return fromConfig(name, Map.of());
  }

  public static Constraint fromConfig(String className, Map<String, Object> config) {
    String cls = ALIASES.getOrDefault(className, className);
    Function<Map<String, Object>, Constraint> f = BY_CLASS.get(cls);
    if (f == null) {
      TreeSet<String> known = new TreeSet<>(ALIASES.keySet());
      known.addAll(BY_CLASS.keySet());
      throw new IllegalArgumentException("Unknown constraint: '" + className + "'. Known constraints: "
          + String.join(", ", known) + ". Register custom ones with Constraints.register(name, config -> ...)");
    }
    return f.apply(config == null ? Map.of() : config);
  }

  /** Keras's {@code register_keras_serializable} for a constraint class. */
  public static void register(String className, Function<Map<String, Object>, Constraint> factory) {
    if (className == null || className.isBlank() || factory == null) {
      throw new IllegalArgumentException("register needs a class name and a factory");
    }
    BY_CLASS.put(className, factory);
  }

  /** Registers one constraint instance (a lambda) under a name so that it can be saved and loaded. */
  public static synchronized <C extends Constraint> C registerInstance(String className, C instance) {
    register(className, (Map<String, Object> c) -> instance);
    NAMED.put(instance, className);
    return instance;
  }

  static synchronized String registeredName(Constraint c) {
    return NAMED.get(c);
  }

  /** Keras's {@code constraints.serialize}, or null. */
  public static Map<String, Object> serialize(Constraint c) {
    if (c == null) {
      return null;
    }
    String cls = c.className();
    if (!BY_CLASS.containsKey(cls)) {
      throw new IllegalStateException("Constraint " + c + " (" + cls + ") is not registered, so its config cannot be "
          + "read back; register it with Constraints.register(\"" + cls + "\", ...) before saving");
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("class_name", cls);
    m.put("config", c.getConfig());
    return m;
  }

  @SuppressWarnings("unchecked")
  public static Constraint deserialize(Object spec) {
    if (spec == null) {
      return null;
    }
    if (spec instanceof String s) {
      return get(s);
    }
    if (spec instanceof Map<?, ?> m && m.get("class_name") instanceof String cls) {
      Map<String, Object> cfg = m.get("config") instanceof Map<?, ?> c ? (Map<String, Object>) c : Map.of();
      Object registered = m.get("registered_name");
      if (registered instanceof String r && BY_CLASS.containsKey(r)) {
        return fromConfig(r, cfg);
      }
      return fromConfig(cls, cfg);
    }
    throw new IllegalArgumentException("Could not interpret constraint identifier: " + spec);
  }

  private static double num(Map<String, Object> c, String k, double dflt) {
    Object v = c.get(k);
    return v instanceof Number n ? n.doubleValue() : dflt;
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
