package keras4j.regularizers;

import java.util.Map;
import java.util.function.Function;
import keras4j.utils.ObjectRegistry;

/**
 * Keras's {@code keras.regularizers.get / serialize / deserialize}: regularizers by name ("l1", "l2", "l1_l2",
 * "orthogonal_regularizer") or by class name and config, and registration of custom ones.
 */
public final class Regularizers {
  private static final ObjectRegistry<Regularizer> REGISTRY =
      new ObjectRegistry<>("regularizer", "Regularizers", Regularizer::className, Regularizer::getConfig);

  static {
    REGISTRY.builtin("L1", "l1", c -> new L1(num(c, "l1", 0.01)));
    REGISTRY.builtin("L2", "l2", c -> new L2(num(c, "l2", 0.01)));
    REGISTRY.builtin("L1L2", "l1_l2", c -> new L1L2(num(c, "l1", 0.0), num(c, "l2", 0.0)));
    REGISTRY.builtin("OrthogonalRegularizer", "orthogonal_regularizer",
        c -> new OrthogonalRegularizer(num(c, "factor", 0.01), c.get("mode") instanceof String s ? s : "rows"));
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
    return REGISTRY.get(name);
  }

  /** A regularizer from its class name (or alias, or a registered name) and config. */
  public static Regularizer fromConfig(String className, Map<String, Object> config) {
    return REGISTRY.fromConfig(className, config);
  }

  /**
   * Keras's {@code register_keras_serializable} for a regularizer: configs naming {@code className} build it with
   * {@code factory}.
   */
  public static void register(String className, Function<Map<String, Object>, Regularizer> factory) {
    REGISTRY.register(className, factory);
  }

  /** Registers one regularizer instance (a lambda) under a name, so layers using it can be saved and loaded. */
  public static <R extends Regularizer> R registerInstance(String className, R instance) {
    return REGISTRY.registerInstance(className, instance);
  }

  static String registeredName(Regularizer r) {
    return REGISTRY.registeredName(r);
  }

  /** Keras's {@code regularizers.serialize}: {@code {"class_name": ..., "config": ...}}, or null. */
  public static Map<String, Object> serialize(Regularizer r) {
    return REGISTRY.serialize(r);
  }

  /** Reads a config value: null, a name, or {@code {"class_name", "config"}}. */
  public static Regularizer deserialize(Object spec) {
    return REGISTRY.deserialize(spec);
  }

  private static double num(Map<String, Object> c, String k, double dflt) {
    return ObjectRegistry.num(c, k, dflt);
  }
}
