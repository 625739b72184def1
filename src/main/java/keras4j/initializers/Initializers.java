package keras4j.initializers;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** Keras's {@code keras.initializers.get}: initializers by name or by class name and config. */
public final class Initializers {
  private static final Map<String, Function<Map<String, Object>, Initializer>> BY_CLASS = new ConcurrentHashMap<>();
  private static final Map<String, String> ALIASES = new LinkedHashMap<>();

  static {
    BY_CLASS.put("GlorotUniform", c -> new GlorotUniform(seed(c)));
    BY_CLASS.put("GlorotNormal", c -> new GlorotNormal(seed(c)));
    BY_CLASS.put("HeNormal", c -> new HeNormal(seed(c)));
    BY_CLASS.put("HeUniform", c -> new HeUniform(seed(c)));
    BY_CLASS.put("LecunNormal", c -> new LecunNormal(seed(c)));
    BY_CLASS.put("LecunUniform", c -> new LecunUniform(seed(c)));
    BY_CLASS.put("Zeros", c -> new Zeros());
    BY_CLASS.put("Ones", c -> new Ones());
    BY_CLASS.put("Constant", c -> new Constant(num(c, "value", 0)));
    BY_CLASS.put("RandomNormal", c -> new RandomNormal(num(c, "mean", 0), num(c, "stddev", 0.05), seed(c)));
    BY_CLASS.put("RandomUniform", c -> new RandomUniform(num(c, "minval", -0.05), num(c, "maxval", 0.05), seed(c)));
    BY_CLASS.put("TruncatedNormal", c -> new TruncatedNormal(num(c, "mean", 0), num(c, "stddev", 0.05), seed(c)));
    BY_CLASS.put("VarianceScaling", c -> new VarianceScaling(num(c, "scale", 1.0),
        str(c, "mode", "fan_in"), str(c, "distribution", "truncated_normal"), seed(c)));
    // recurrent layers
    BY_CLASS.put("Orthogonal", c -> new Orthogonal(num(c, "gain", 1.0), seed(c)));
    ALIASES.put("orthogonal", "Orthogonal");
    ALIASES.put("OrthogonalInitializer", "Orthogonal");
    ALIASES.put("glorot_uniform", "GlorotUniform");
    ALIASES.put("glorot_normal", "GlorotNormal");
    ALIASES.put("he_normal", "HeNormal");
    ALIASES.put("he_uniform", "HeUniform");
    ALIASES.put("lecun_normal", "LecunNormal");
    ALIASES.put("lecun_uniform", "LecunUniform");
    ALIASES.put("zeros", "Zeros");
    ALIASES.put("zero", "Zeros");
    ALIASES.put("ones", "Ones");
    ALIASES.put("one", "Ones");
    ALIASES.put("constant", "Constant");
    ALIASES.put("random_normal", "RandomNormal");
    ALIASES.put("normal", "RandomNormal");
    ALIASES.put("random_uniform", "RandomUniform");
    ALIASES.put("uniform", "RandomUniform");
    ALIASES.put("truncated_normal", "TruncatedNormal");
    ALIASES.put("variance_scaling", "VarianceScaling");
  }

  private Initializers() {}

  /** An initializer by its Keras name ("glorot_uniform") or class name ("GlorotUniform"). */
  public static Initializer get(String name) {
    return fromConfig(name, Map.of());
  }

  /** An initializer from a Keras class name and config. */
  public static Initializer fromConfig(String className, Map<String, Object> config) {
    String cls = ALIASES.getOrDefault(className, className);
    Function<Map<String, Object>, Initializer> f = BY_CLASS.get(cls);
    if (f == null) {
      TreeSet<String> known = new TreeSet<>(ALIASES.keySet());
      known.addAll(BY_CLASS.keySet());
      throw new IllegalArgumentException("Unknown initializer: '" + className + "'. Known initializers: "
          + String.join(", ", known));
    }
    return f.apply(config == null ? Map.of() : config);
  }

  /** Registers a custom initializer class for configs. */
  public static void register(String className, Function<Map<String, Object>, Initializer> factory) {
    BY_CLASS.put(className, factory);
  }

  /** The {@code {"class_name": ..., "config": ...}} form Keras writes. */
  public static Map<String, Object> serialize(Initializer init) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("class_name", init.className());
    m.put("config", init.getConfig());
    return m;
  }

  private static Long seed(Map<String, Object> c) {
    Object s = c.get("seed");
    return s instanceof Number n ? n.longValue() : null;
  }

  private static double num(Map<String, Object> c, String k, double dflt) {
    Object v = c.get(k);
    return v instanceof Number n ? n.doubleValue() : dflt;
  }

  private static String str(Map<String, Object> c, String k, String dflt) {
    Object v = c.get(k);
    return v instanceof String s ? s : dflt;
  }
}
