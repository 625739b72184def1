package keras4j.saving;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import keras4j.backend.Backend;
import keras4j.backend.Compatibility;
import keras4j.losses.Loss;
import keras4j.losses.Losses;
import keras4j.metrics.Metrics;
import keras4j.models.Model;
import keras4j.optimizers.Optimizer;
import keras4j.optimizers.Optimizers;

/** What {@code compile} was called with, as tf.keras's {@code training_config} and Keras 3's {@code compile_config}. */
final class CompileConfig {
  private CompileConfig() {}

  /** The loss's name as configs record it, or null (with a warning for an unregistered Java function). */
  static String lossName(Model model) {
    Loss loss = model.loss();
    if (loss == null) {
      return null;
    }
    if (loss.kerasName() == null) {
      System.err.println("Warning: model " + model.name() + " is compiled with an unregistered Java loss function; "
          + "the file records no loss (register it with Losses.register(name, fn) to load the model compiled)");
    }
    return loss.kerasName();
  }

  static Map<String, Object> trainingConfig(Model model) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("loss", lossName(model));
    c.put("metrics", model.metricNames().isEmpty() ? null : new ArrayList<>(model.metricNames()));
    c.put("weighted_metrics", null);
    c.put("loss_weights", null);
    Map<String, Object> opt = new LinkedHashMap<>();
    opt.put("class_name", model.optimizer().className());
    opt.put("config", model.optimizer().getConfig());
    c.put("optimizer_config", opt);
    return c;
  }

  static Map<String, Object> compileConfig(Model model) {
    Map<String, Object> c = new LinkedHashMap<>();
    Map<String, Object> opt = new LinkedHashMap<>();
    opt.put("module", "keras.optimizers");
    opt.put("class_name", model.optimizer().className());
    opt.put("config", model.optimizer().getConfig());
    opt.put("registered_name", null);
    c.put("optimizer", opt);
    c.put("loss", lossName(model));
    c.put("loss_weights", null);
    c.put("metrics", model.metricNames().isEmpty() ? null : new ArrayList<>(model.metricNames()));
    c.put("weighted_metrics", null);
    c.put("run_eagerly", false);
    c.put("steps_per_execution", 1);
    c.put("jit_compile", false);
    return c;
  }

  /** Compiles from tf.keras's {@code training_config}; what keras4j cannot honour is reported and skipped. */
  static void compileFromTrainingConfig(Model model, Map<String, Object> tc, String source) {
    compile(model, tc.get("optimizer_config"), tc.get("loss"), tc.get("metrics"), source);
  }

  static void compileFromCompileConfig(Model model, Map<String, Object> cc, String source) {
    compile(model, cc.get("optimizer"), cc.get("loss"), cc.get("metrics"), source);
  }

  /**
   * tf.keras 2.11-2.15 recorded its optimizers as {@code "Custom>Adam"}. Keras 3 cannot resolve that name and falls
   * back to {@code optimizers.get(config["name"])}: the named optimizer with its default settings (saving_utils'
   * {@code _resolve_compile_arguments_compat}); keras4j does the same. With {@link Backend#compatibility()}
   * TF_KERAS_2 or KERAS_2 it keeps the recorded settings instead.
   */
  private static Optimizer registeredOptimizer(String cls, Map<String, Object> cfg, String source) {
    String name = cfg.get("name") instanceof String n ? n : cls.substring(cls.indexOf('>') + 1);
    if (Backend.compatibility() != Compatibility.KERAS_3) {
      return Optimizers.fromConfig(name, cfg);
    }
    System.err.println("Warning: " + source + " records its optimizer as '" + cls + "' (tf.keras 2.x); like Keras 3, "
        + "keras4j compiles it with " + name + "'s default settings, not the recorded ones");
    return Optimizers.get(name);
  }

  @SuppressWarnings("unchecked")
  private static void compile(Model model, Object optSpec, Object lossSpec, Object metricsSpec, String source) {
    try {
      Optimizer optimizer;
      if (optSpec instanceof String s) {
        optimizer = Optimizers.get(s);
      } else if (optSpec instanceof Map<?, ?> m) {
        Map<String, Object> cfg = m.get("config") instanceof Map<?, ?> c ? (Map<String, Object>) c : Map.of();
        String cls = String.valueOf(m.get("class_name"));
        optimizer = cls.contains(">") ? registeredOptimizer(cls, cfg, source) : Optimizers.fromConfig(cls, cfg);
      } else {
        return;
      }
      Loss loss;
      if (lossSpec instanceof String s) {
        loss = Losses.get(s);
      } else if (lossSpec instanceof Map<?, ?> m && m.get("class_name") instanceof String cls) {
        loss = Losses.get(cls);
      } else {
        System.err.println("Warning: " + source + " was compiled with loss " + lossSpec
            + ", which keras4j cannot restore; the model is loaded uncompiled");
        return;
      }
      List<String> metrics = new ArrayList<>();
      if (metricsSpec instanceof List<?> l) {
        for (Object o : l) {
          if (o instanceof String s) {
            try {
              Metrics.check(s);
              metrics.add(s);
            } catch (IllegalArgumentException e) {
              System.err.println("Warning: metric '" + s + "' of " + source + " is not supported by keras4j and is skipped");
            }
          }
        }
      }
      model.compile(optimizer, loss, metrics.toArray(new String[0]));
    } catch (IllegalArgumentException e) {
      System.err.println("Warning: the training configuration of " + source + " cannot be restored (" + e.getMessage()
          + "); the model is loaded uncompiled");
    }
  }
}
