package keras4j.regularizers;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Keras's {@code keras.regularizers.get / serialize / deserialize}: regularizers by name ("l1", "l2", "l1_l2",
 * "orthogonal_regularizer") or by class name and config, and registration of custom ones.
 */
public final class Regularizers {
  private static final Map<String, Function<Map<String, Object>, Regularizer>> BY_CLASS = new ConcurrentHashMap<>();
  private static final Map<String, String> ALIASES = new LinkedHashMap<>();
  private static final Map<Regularizer, String> NAMED = new IdentityHashMap<>();

  static {
    BY_CLASS.put("L1", c -> new L1(num(c, "l1", 0.01)));
    BY_CLASS.put("L2", c -> new L2(num(c, "l2", 0.01)));
    BY_CLASS.put("L1L2", c -> new L1L2(num(c, "l1", 0.0), num(c, "l2", 0.0)));
    BY_CLASS.put("OrthogonalRegularizer", c -> new OrthogonalRegularizer(num(c, "factor", 0.01),
        c.get("mode") instanceof String s ? s : "rows"));
    ALIASES.put("l1", "L1");
    ALIASES.put("l2", "L2");
    ALIASES.put("l1_l2", "L1L2");
    ALIASES.put("orthogonal_regularizer", "OrthogonalRegularizer");
  }

  private Regularizers() {}

  /** Keras's {@code regularizers.l1(l1)}. */
  public static L1 l1(double l1) {
    return new L1(l1);
  }

  /** Keras's {@code regularizers.l2(l2)}. */
  public static L2 l2(double l2) {
    return new L2(l2);
  }

  /** Keras's {@code regularizers.l1_l2(l1, l2)}. */
  public static L1L2 l1L2(double l1, double l2) {
    return new L1L2(l1, l2);
  }

  /** Keras's {@code regularizers.get("l2")}: Keras's default factors. */
  public static Regularizer get(String name) {
    return fromConfig(name, Map.of());
  }

  /** A regularizer from its class name (or alias, or a registered name) and config. */
  public static Regularizer fromConfig(String className, Map<String, Object> config) {
    String cls = ALIASES.getOrDefault(className, className);
    Function<Map<String, Object>, Regularizer> f = BY_CLASS.get(cls);
    if (f == null) {
      TreeSet<String> known = new TreeSet<>(ALIASES.keySet());
      known.addAll(BY_CLASS.keySet());
      throw new IllegalArgumentException("Unknown regularizer: '" + className + "'. Known regularizers: "
          + String.join(", ", known) + ". Register custom ones with Regularizers.register(name, config -> ...)");
    }
    return f.apply(config == null ? Map.of() : config);
  }

  /**
   * Keras's {@code register_keras_serializable} for a regularizer: configs naming {@code className} build it with
   * {@code factory}.
   */
  public static void register(String className, Function<Map<String, Object>, Regularizer> factory) {
    if (className == null || className.isBlank() || factory == null) {
      throw new IllegalArgumentException("register needs a class name and a factory");
    }
    BY_CLASS.put(className, factory);
  }

  /** Registers one regularizer instance (a lambda) under a name, so layers using it can be saved and loaded. */
  public static synchronized <R extends Regularizer> R registerInstance(String className, R instance) {
    register(className, (Map<String, Object> c) -> instance);
    NAMED.put(instance, className);
    return instance;
  }

  static synchronized String registeredName(Regularizer r) {
    return NAMED.get(r);
  }

  /** Keras's {@code regularizers.serialize}: {@code {"class_name": ..., "config": ...}}, or null. */
  public static Map<String, Object> serialize(Regularizer r) {
    if (r == null) {
      return null;
    }
    String cls = r.className();
    if (!BY_CLASS.containsKey(cls)) {
      throw new IllegalStateException("Regularizer " + r + " (" + cls + ") is not registered, so its config cannot be "
          + "read back; register it with Regularizers.register(\"" + cls + "\", ...) before saving");
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("class_name", cls);
    m.put("config", r.getConfig());
    return m;
  }

  /** Reads a config value: null, a name, or {@code {"class_name", "config"}}. */
  @SuppressWarnings("unchecked")
  public static Regularizer deserialize(Object spec) {
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
    throw new IllegalArgumentException("Could not interpret regularizer identifier: " + spec);
  }

  private static double num(Map<String, Object> c, String k, double dflt) {
    Object v = c.get(k);
    return v instanceof Number n ? n.doubleValue() : dflt;
  }
}
