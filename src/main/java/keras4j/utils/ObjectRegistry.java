package keras4j.utils;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Keras's {@code get / serialize / deserialize} and {@code register_keras_serializable} for one kind of object
 * (regularizers, constraints): factories by class name, snake_case aliases, and instances registered by name.
 *
 * @param <T> the kind of object
 */
public final class ObjectRegistry<T> {
  private final String kind;
  private final String facade;
  private final Function<T, String> className;
  private final Function<T, Map<String, Object>> config;
  private final Map<String, Function<Map<String, Object>, T>> byClass = new ConcurrentHashMap<>();
  private final Map<String, String> aliases = new LinkedHashMap<>();
  private final Map<T, String> named = new IdentityHashMap<>();

  /**
   * A registry of {@code kind} objects ("constraint") whose public entry points are on {@code facade}
   * ("Constraints"), reading an object's class name and config with the given functions.
   */
  public ObjectRegistry(String kind, String facade, Function<T, String> className,
      Function<T, Map<String, Object>> config) {
    this.kind = kind;
    this.facade = facade;
    this.className = className;
    this.config = config;
  }

  /** Adds a built-in class with its snake_case alias (Keras's {@code "l1"} for {@code L1}). */
  public void builtin(String cls, String alias, Function<Map<String, Object>, T> factory) {
    byClass.put(cls, factory);
    aliases.put(alias, cls);
  }

  /** Keras's {@code get(name)}: a class name, alias or registered name with its default config. */
  public T get(String name) {
    return fromConfig(name, Map.of());
  }

  /** An object from its class name (or alias, or registered name) and config. */
  public T fromConfig(String cls, Map<String, Object> cfg) {
    Function<Map<String, Object>, T> f = byClass.get(aliases.getOrDefault(cls, cls));
    if (f == null) {
      TreeSet<String> known = new TreeSet<>(aliases.keySet());
      known.addAll(byClass.keySet());
      throw new IllegalArgumentException("Unknown " + kind + ": '" + cls + "'. Known " + kind + "s: "
          + String.join(", ", known) + ". Register custom ones with " + facade + ".register(name, config -> ...)");
    }
    return f.apply(cfg == null ? Map.of() : cfg);
  }

  /** Keras's {@code register_keras_serializable}: configs naming {@code cls} are built with {@code factory}. */
  public void register(String cls, Function<Map<String, Object>, T> factory) {
    if (cls == null || cls.isBlank() || factory == null) {
      throw new IllegalArgumentException("register needs a class name and a factory");
    }
    byClass.put(cls, factory);
  }

  /** Registers one instance (a lambda) under a name so that what uses it can be saved and loaded. */
  public synchronized <S extends T> S registerInstance(String cls, S instance) {
    register(cls, c -> instance);
    named.put(instance, cls);
    return instance;
  }

  /** The name an instance was registered under, or null. */
  public synchronized String registeredName(T instance) {
    return named.get(instance);
  }

  /** Keras's {@code serialize}: {@code {"class_name": ..., "config": ...}}, or null. */
  public Map<String, Object> serialize(T o) {
    if (o == null) {
      return null;
    }
    String cls = className.apply(o);
    if (!byClass.containsKey(cls)) {
      String k = Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
      throw new IllegalStateException(k + " " + o + " (" + cls + ") is not registered, so its config cannot be "
          + "read back; register it with " + facade + ".register(\"" + cls + "\", ...) before saving");
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("class_name", cls);
    m.put("config", config.apply(o));
    return m;
  }

  /** Keras's {@code deserialize}: null, a name, or {@code {"class_name", "config", "registered_name"}}. */
  @SuppressWarnings("unchecked")
  public T deserialize(Object spec) {
    if (spec == null) {
      return null;
    }
    if (spec instanceof String s) {
      return get(s);
    }
    if (spec instanceof Map<?, ?> m && m.get("class_name") instanceof String cls) {
      Map<String, Object> cfg = m.get("config") instanceof Map<?, ?> c ? (Map<String, Object>) c : Map.of();
      if (m.get("registered_name") instanceof String r && byClass.containsKey(r)) {
        return fromConfig(r, cfg);
      }
      return fromConfig(cls, cfg);
    }
    throw new IllegalArgumentException("Could not interpret " + kind + " identifier: " + spec);
  }

  /** A number from a config, or its default. */
  public static double num(Map<String, Object> c, String k, double dflt) {
    Object v = c.get(k);
    return v instanceof Number n ? n.doubleValue() : dflt;
  }
}
