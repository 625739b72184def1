package keras4j.optimizers;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/** Keras's {@code keras.optimizers.get(name)}: a new optimizer with Keras's defaults. */
public final class Optimizers {
  private static final Map<String, Supplier<Optimizer>> BY_NAME = new TreeMap<>();

  static {
    BY_NAME.put("adam", Adam::new);
    BY_NAME.put("adadelta", Adadelta::new);
    BY_NAME.put("sgd", SGD::new);
    BY_NAME.put("rmsprop", RMSprop::new);
    BY_NAME.put("adagrad", Adagrad::new);
    BY_NAME.put("adamax", Adamax::new);
    BY_NAME.put("nadam", Nadam::new);
  }

  private Optimizers() {}

  /** An optimizer by Keras name ("adam") or class name ("Adam"), case-insensitive. */
  public static Optimizer get(String name) {
    Supplier<Optimizer> s = name == null ? null : BY_NAME.get(name.toLowerCase());
    if (s == null) {
      throw new IllegalArgumentException("Could not interpret optimizer identifier: '" + name
          + "'. Known optimizers: " + String.join(", ", BY_NAME.keySet()));
    }
    return s.get();
  }

  /**
   * An optimizer from a Keras config ({@code {"class_name": "Adam", "config": {...}}} parts); accepts Keras 2's
   * {@code lr} for {@code learning_rate}.
   */
  public static Optimizer fromConfig(String className, Map<String, Object> config) {
    String name = className == null ? null : className.toLowerCase();
    if (name == null || !BY_NAME.containsKey(name)) {
      throw new IllegalArgumentException("Could not interpret optimizer class: '" + className + "'. Known optimizers: "
          + String.join(", ", BY_NAME.keySet()));
    }
    java.util.function.BiFunction<String, Double, Double> num = (k, d) -> config.get(k) instanceof Number n ? n.doubleValue() : d;
    Double lr = config.get("learning_rate") instanceof Number n ? n.doubleValue()
        : config.get("lr") instanceof Number n2 ? n2.doubleValue() : null;
    switch (name) {
      case "adam":
        return new Adam(lr != null ? lr : 0.001, num.apply("beta_1", 0.9), num.apply("beta_2", 0.999),
            num.apply("epsilon", 1e-7), Boolean.TRUE.equals(config.get("amsgrad")));
      case "adamax":
        return new Adamax(lr != null ? lr : 0.001, num.apply("beta_1", 0.9), num.apply("beta_2", 0.999),
            num.apply("epsilon", 1e-7));
      case "nadam":
        return new Nadam(lr != null ? lr : 0.001, num.apply("beta_1", 0.9), num.apply("beta_2", 0.999),
            num.apply("epsilon", 1e-7));
      case "adadelta":
        return lr != null ? new Adadelta(lr, num.apply("rho", 0.95), num.apply("epsilon", 1e-7)) : new Adadelta();
      case "sgd":
        return new SGD(lr != null ? lr : 0.01, num.apply("momentum", 0.0), Boolean.TRUE.equals(config.get("nesterov")));
      case "rmsprop":
        return new RMSprop(lr != null ? lr : 0.001, num.apply("rho", 0.9), num.apply("momentum", 0.0),
            num.apply("epsilon", 1e-7), Boolean.TRUE.equals(config.get("centered")));
      default:
        return new Adagrad(lr != null ? lr : 0.001, num.apply("initial_accumulator_value", 0.1),
            num.apply("epsilon", 1e-7));
    }
  }

  /** The optimizer names {@code keras.optimizers.get} accepts here. */
  public static java.util.Set<String> knownNames() {
    return BY_NAME.keySet();
  }
}
