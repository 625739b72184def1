package keras4j.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import keras4j.activations.ActivationFunction;
import keras4j.activations.Activations;
import keras4j.backend.Backend;
import keras4j.backend.Compatibility;
import keras4j.initializers.Initializer;
import keras4j.initializers.Initializers;

/**
 * A layer's Keras config ({@code layer.get_config()} as parsed JSON) with typed getters that name the layer and
 * the key when a value is missing or of the wrong type. Accepts both the Keras 2 and the Keras 3 dialects.
 */
public final class LayerConfig {
  private final String className;
  private final Map<String, Object> map;
  private final Compatibility compatibility;

  /** A config read from a file written by the given Keras generation (it decides {@code hard_sigmoid}). */
  public LayerConfig(String className, Map<String, Object> map, Compatibility compatibility) {
    this.className = className;
    this.map = map;
    this.compatibility = compatibility;
  }

  /** A config read under the current {@link keras4j.backend.Backend#compatibility()}. */
  public LayerConfig(String className, Map<String, Object> map) {
    this(className, map, Backend.compatibility());
  }

  /** The Keras generation whose semantics the config follows. */
  public Compatibility compatibility() {
    return compatibility;
  }

  /** The layer's {@code class_name}. */
  public String className() {
    return className;
  }

  /** The {@code config} dictionary as read. */
  public Map<String, Object> map() {
    return map;
  }

  /** The config's {@code name}. */
  public String layerName() {
    Object n = map.get("name");
    return n == null ? "?" : n.toString();
  }

  /** Whether the config holds {@code key} with a non-null value. */
  public boolean has(String key) {
    return map.containsKey(key) && map.get(key) != null;
  }

  private IllegalArgumentException bad(String key, String expected) {
    Object v = map.get(key);
    return new IllegalArgumentException("Layer '" + layerName() + "' (" + className + "): config key '" + key
        + "' expected " + expected + ", received " + (v == null ? "nothing" : v + " (" + v.getClass().getSimpleName() + ")"));
  }

  /** A required integer entry. */
  public int getInt(String key) {
    Object v = map.get(key);
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return n.intValue();
    }
    throw bad(key, "an integer");
  }

  /** An integer entry, or {@code dflt} when absent. */
  public int getInt(String key, int dflt) {
    return has(key) ? getInt(key) : dflt;
  }

  /** A number entry, or {@code dflt} when absent. */
  public double getDouble(String key, double dflt) {
    Object v = map.get(key);
    if (v == null) {
      return dflt;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    throw bad(key, "a number");
  }

  /** A number entry, or null when absent. */
  public Double getDoubleOrNull(String key) {
    return has(key) ? getDouble(key, 0) : null;
  }

  /** A boolean entry, or {@code dflt} when absent. */
  public boolean getBool(String key, boolean dflt) {
    Object v = map.get(key);
    if (v == null) {
      return dflt;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    throw bad(key, "true or false");
  }

  /** A string entry, or {@code dflt} when absent. */
  public String getString(String key, String dflt) {
    Object v = map.get(key);
    if (v == null) {
      return dflt;
    }
    if (v instanceof String s) {
      return s;
    }
    throw bad(key, "a string");
  }

  /** An int pair such as {@code kernel_size}: Keras accepts an int or a list of two. */
  public int[] getPair(String key, int[] dflt) {
    Object v = map.get(key);
    if (v == null) {
      return dflt;
    }
    if (v instanceof Number n) {
      return new int[] {n.intValue(), n.intValue()};
    }
    if (v instanceof List<?> l && l.size() == 2 && l.get(0) instanceof Number a && l.get(1) instanceof Number b) {
      return new int[] {a.intValue(), b.intValue()};
    }
    throw bad(key, "an integer or a list of 2 integers");
  }

  /** An int tuple of {@code n} values such as Conv1D's {@code kernel_size}: an int or a list of {@code n}. */
  public int[] getInts(String key, int n, int[] dflt) {
    Object v = map.get(key);
    if (v == null) {
      return dflt;
    }
    if (v instanceof Number num) {
      int[] out = new int[n];
      java.util.Arrays.fill(out, num.intValue());
      return out;
    }
    if (v instanceof List<?> l && l.size() == n && l.stream().allMatch(e -> e instanceof Number)) {
      int[] out = new int[n];
      for (int i = 0; i < n; i++) {
        out[i] = ((Number) l.get(i)).intValue();
      }
      return out;
    }
    throw bad(key, n == 1 ? "an integer or a list of 1 integer" : "an integer or a list of " + n + " integers");
  }

  /** A shape: a list of integers and nulls (null becomes -1). */
  public long[] getShape(String key) {
    Object v = map.get(key);
    if (!(v instanceof List<?> l)) {
      throw bad(key, "a list of dimensions");
    }
    long[] s = new long[l.size()];
    for (int i = 0; i < s.length; i++) {
      Object d = l.get(i);
      if (d == null) {
        s[i] = -1;
      } else if (d instanceof Number n) {
        s[i] = n.longValue();
      } else {
        throw bad(key, "a list of integers or nulls");
      }
    }
    return s;
  }

  /** A required list entry (a copy). */
  public List<Object> getList(String key) {
    Object v = map.get(key);
    if (v instanceof List<?> l) {
      return new ArrayList<>(l);
    }
    throw bad(key, "a list");
  }

  /** An activation entry (a name or a serialized activation); linear when absent. */
  public ActivationFunction getActivation(String key) {
    Object v = map.get(key);
    if (v == null) {
      return Activations.get("linear");
    }
    if (v instanceof String s) {
      return Activations.get(s, compatibility);
    }
    if (v instanceof Map<?, ?> m && m.get("class_name") instanceof String s) {
      return Activations.get(s, compatibility);
    }
    throw bad(key, "an activation name");
  }

  /** An initializer entry (a name or a serialized initializer), or {@code dflt} when absent. */
  public Initializer getInitializer(String key, String dflt) {
    Object v = map.get(key);
    if (v == null) {
      return Initializers.get(dflt);
    }
    if (v instanceof String s) {
      return Initializers.get(s);
    }
    if (v instanceof Map<?, ?> m && m.get("class_name") instanceof String cls) {
      @SuppressWarnings("unchecked")
      Map<String, Object> cfg = m.get("config") instanceof Map<?, ?> c ? (Map<String, Object>) c : Map.of();
      return Initializers.fromConfig(cls, cfg);
    }
    throw bad(key, "an initializer name or {class_name, config}");
  }

  /** A regularizer ({@code kernel_regularizer} and kin): null, a name, or {@code {class_name, config}}. */
  public keras4j.regularizers.Regularizer getRegularizer(String key) {
    try {
      return keras4j.regularizers.Regularizers.deserialize(map.get(key));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Layer '" + layerName() + "' (" + className + "): config key '" + key + "': "
          + e.getMessage(), e);
    }
  }

  /** A constraint ({@code kernel_constraint} and kin): null, a name, or {@code {class_name, config}}. */
  public keras4j.constraints.Constraint getConstraint(String key) {
    try {
      return keras4j.constraints.Constraints.deserialize(map.get(key));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Layer '" + layerName() + "' (" + className + "): config key '" + key + "': "
          + e.getMessage(), e);
    }
  }

  /** Refuses options keras4j does not implement yet instead of silently ignoring them. */
  public void requireNull(String... keys) {
    for (String k : keys) {
      if (has(k)) {
        throw new IllegalArgumentException("Layer '" + layerName() + "' (" + className + ") uses '" + k + "' = "
            + map.get(k) + ", which keras4j does not support yet");
      }
    }
  }
}
