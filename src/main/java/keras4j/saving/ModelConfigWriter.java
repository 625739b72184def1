package keras4j.saving;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import keras4j.backend.Shapes;
import keras4j.layers.InitialStateCall;
import keras4j.layers.InputLayer;
import keras4j.layers.KerasTensor;
import keras4j.layers.Layer;
import keras4j.layers.Node;
import keras4j.models.Model;
import keras4j.models.Sequential;

/**
 * Writes model configs as Keras does ({@code model.get_config()} wrapped in {@code class_name}/{@code config}), in
 * the tf.keras 2.x dialect (legacy {@code .h5}) or the Keras 3 dialect ({@code .keras}, {@code to_json}).
 */
final class ModelConfigWriter {
  /** Which Keras reads the result. */
  enum Dialect { KERAS_2, KERAS_3 }

  /** Where keras4j records what the Keras 3 dialect cannot say (read back by {@link ModelConfigReader}). */
  static final String EXTRAS = "keras4j";
  static final String KERAS2_HARD_SIGMOID = "keras2_hard_sigmoid";

  private final Dialect dialect;
  private final List<String> keras2HardSigmoid = new ArrayList<>();

  ModelConfigWriter(Dialect dialect) {
    this.dialect = dialect;
  }

  /**
   * {@code {"class_name": ..., "config": ...}} of a whole model. Layers computing Keras 2's hard_sigmoid
   * ({@code clip(0.2x + 0.5)}) have no Keras 3 spelling: their names are listed under {@code "keras4j"}, which
   * Keras ignores and keras4j reads back, and a warning says that Python Keras 3 will compute its own formula.
   */
  Map<String, Object> model(Model m) {
    Map<String, Object> e = entryHead(m, m instanceof Sequential ? "Sequential" : "Functional");
    e.put("config", modelConfig(m));
    if (!keras2HardSigmoid.isEmpty()) {
      System.err.println("Warning: layers " + keras2HardSigmoid + " use Keras 2's hard_sigmoid, which Keras 3 computes "
          + "differently; keras4j records this in the file, Python Keras 3 will use its own formula");
      e.put(EXTRAS, Map.of(KERAS2_HARD_SIGMOID, new ArrayList<>(keras2HardSigmoid)));
    }
    if (dialect == Dialect.KERAS_3) {
      e.put("registered_name", m instanceof Sequential ? null : "Functional");
      Map<String, Object> build = new LinkedHashMap<>();
      build.put("input_shape", m instanceof Sequential ? Shapes.toList(m.inputShapes().get(0)) : null);
      e.put("build_config", build);
    }
    return e;
  }

  private Map<String, Object> entryHead(Layer l, String className) {
    Map<String, Object> e = new LinkedHashMap<>();
    if (dialect == Dialect.KERAS_3) {
      e.put("module", l instanceof Sequential ? "keras" : l instanceof Model ? "keras.src.models.functional"
          : custom(l) ? null : "keras.layers");
    }
    e.put("class_name", className);
    return e;
  }

  /** A user's layer class (registered with LayerRegistry): Keras finds it through custom_objects. */
  private static boolean custom(Layer l) {
    return !(l instanceof Model) && !l.getClass().getPackageName().equals("keras4j.layers");
  }

  private Map<String, Object> modelConfig(Model m) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", m.name());
    if (dialect == Dialect.KERAS_3) {
      c.put("trainable", m.trainable());
    }
    List<Object> layers = new ArrayList<>();
    if (m instanceof Sequential s) {
      InputLayer in = s.hiddenInputLayer();
      if (in != null) {
        layers.add(layerEntry(in, null));
      }
      for (Layer l : s.layers()) {
        layers.add(layerEntry(l, null));
      }
      c.put("layers", layers);
      if (dialect == Dialect.KERAS_3) {
        c.put("build_input_shape", Shapes.toList(m.inputShapes().get(0)));
      }
      return c;
    }
    Set<Node> own = Collections.newSetFromMap(new IdentityHashMap<>());
    own.addAll(m.nodes());
    for (Layer l : m.layers()) {
      layers.add(layerEntry(l, own));
    }
    c.put("layers", layers);
    c.put("input_layers", single(endpoints(m, m.inputs(), own, true)));
    c.put("output_layers", single(endpoints(m, m.outputs(), own, false)));
    return c;
  }

  /**
   * Keras 3 writes one input or output unwrapped ({@code ["dense", 0, 0]}): a list of one would make a nested
   * model return a list, which a Sequential around it cannot take. tf.keras always writes lists.
   */
  private Object single(List<Object> endpoints) {
    return dialect == Dialect.KERAS_3 && endpoints.size() == 1 ? endpoints.get(0) : endpoints;
  }

  private List<Object> endpoints(Model m, List<KerasTensor> tensors, Set<Node> own, boolean inputs) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < tensors.size(); i++) {
      KerasTensor t = tensors.get(i);
      if (inputs) {
        out.add(List.of(m.inputLayer(i).name(), 0, 0));
      } else {
        out.add(List.of(t.layer().name(), nodeIndex(t.layer(), t.node(), own, true), t.index()));
      }
    }
    return out;
  }

  /**
   * The index Keras writes for a call of {@code layer} within a model: the rank among the model's own calls, plus
   * one for nested models where the dialect counts their own graph as node 0.
   */
  private int nodeIndex(Layer layer, Node node, Set<Node> own, boolean endpoint) {
    int rank = 0;
    for (Node n : layer.inboundNodes()) {
      if (n == node) {
        break;
      }
      if (own.contains(n)) {
        rank++;
      }
    }
    if (!(layer instanceof Model)) {
      return rank;
    }
    if (dialect == Dialect.KERAS_2) {
      return rank + 1;
    }
    return endpoint && !(layer instanceof Sequential) ? rank + 1 : rank;
  }

  private Map<String, Object> layerEntry(Layer l, Set<Node> own) {
    boolean model = l instanceof Model;
    String cls = model ? (l instanceof Sequential ? "Sequential" : "Functional") : l.className();
    if (!model && !(l instanceof InputLayer) && !LayerRegistry.contains(cls)) {
      throw new IllegalStateException("Layer '" + l.name() + "' is of class " + cls + ", which is not registered for "
          + "loading, so the saved file could not be read back: override getConfig() and register it with "
          + "LayerRegistry.register(\"" + cls + "\", config -> ...) before saving (Keras's register_keras_serializable)");
    }
    Map<String, Object> cfg = model ? modelConfig((Model) l) : layerConfig(l);
    if (dialect == Dialect.KERAS_3 && cls.equals("ThresholdedReLU")) {
      cls = "ReLU";
      Map<String, Object> relu = new LinkedHashMap<>();
      relu.put("name", cfg.get("name"));
      relu.put("trainable", cfg.get("trainable"));
      relu.put("dtype", cfg.get("dtype"));
      relu.put("max_value", null);
      relu.put("negative_slope", 0.0);
      relu.put("threshold", cfg.get("theta"));
      cfg = relu;
    }
    Map<String, Object> e = entryHead(l, cls);
    e.put("config", cfg);
    if (dialect == Dialect.KERAS_3) {
      e.put("registered_name", model && !(l instanceof Sequential) ? "Functional" : custom(l) ? cls : null);
      Object shape = firstInputShape(l, own);
      if (!(l instanceof InputLayer) && (shape != null || own != null)) {
        Map<String, Object> build = new LinkedHashMap<>();
        if (l instanceof InitialStateCall && shape instanceof List<?> ss && ss.size() > 1 && ss.get(0) instanceof List) {
          Map<String, Object> shapes = new LinkedHashMap<>();
          shapes.put("sequences_shape", ss.get(0));
          shapes.put("initial_state_shape", new ArrayList<>(ss.subList(1, ss.size())));
          build.put("shapes_dict", shapes);
        } else {
          build.put("input_shape", shape);
        }
        e.put("build_config", build);
      }
    }
    if (own == null) {
      return e;
    }
    e.put("name", l.name());
    List<Object> nodes = new ArrayList<>();
    for (Node n : l.inboundNodes()) {
      if (!own.contains(n) || n.isInput()) {
        continue;
      }
      nodes.add(dialect == Dialect.KERAS_2 ? nodeKeras2(n, own) : nodeKeras3(l, n, own));
    }
    e.put("inbound_nodes", nodes);
    return e;
  }

  private Object firstInputShape(Layer l, Set<Node> own) {
    for (Node n : l.inboundNodes()) {
      if (own == null || own.contains(n)) {
        if (n.inputs().size() == 1) {
          return Shapes.toList(n.inputs().get(0).shape());
        }
        List<Object> shapes = new ArrayList<>();
        n.inputs().forEach(t -> shapes.add(Shapes.toList(t.shape())));
        return shapes;
      }
    }
    return null;
  }

  private Object nodeKeras2(Node n, Set<Node> own) {
    List<Object> refs = new ArrayList<>();
    for (KerasTensor t : n.inputs()) {
      refs.add(List.of(t.layer().name(), nodeIndex(t.layer(), t.node(), own, false), t.index(), Map.of()));
    }
    return refs;
  }

  private Object nodeKeras3(Layer l, Node n, Set<Node> own) {
    List<Object> tensors = new ArrayList<>();
    for (KerasTensor t : n.inputs()) {
      Map<String, Object> cfg = new LinkedHashMap<>();
      cfg.put("shape", Shapes.toList(t.shape()));
      cfg.put("dtype", "float32");
      cfg.put("keras_history", List.of(t.layer().name(), nodeIndex(t.layer(), t.node(), own, false), t.index()));
      Map<String, Object> kt = new LinkedHashMap<>();
      kt.put("class_name", "__keras_tensor__");
      kt.put("config", cfg);
      tensors.add(kt);
    }
    Map<String, Object> node = new LinkedHashMap<>();
    if (l instanceof InitialStateCall && tensors.size() > 1) {
      node.put("args", List.of(tensors.get(0)));
      node.put("kwargs", Map.of("initial_state", new ArrayList<>(tensors.subList(1, tensors.size()))));
      return node;
    }
    node.put("args", tensors.size() == 1 ? List.of(tensors.get(0)) : List.of(tensors));
    node.put("kwargs", Map.of());
    return node;
  }

  /**
   * A layer inside another's config (an RNN's cell, a wrapper's layer). It names its module in both dialects: Keras 3
   * needs it to load nested layers from legacy .h5 files, and tf.keras 2 ignores it.
   */
  private Map<String, Object> nestedEntry(Layer nested) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("module", "keras.layers");
    e.putAll(layerEntry(nested, null));
    return e;
  }

  /** A layer's own config in this dialect. */
  Map<String, Object> layerConfig(Layer l) {
    Map<String, Object> c = l.getConfig();
    c.replaceAll((k, v) -> v instanceof Layer nested ? nestedEntry(nested) : v);
    if (dialect == Dialect.KERAS_2) {
      return c;
    }
    if (l.activationFunction() == keras4j.activations.BuiltinActivation.HARD_SIGMOID_KERAS2) {
      keras2HardSigmoid.add(l.name());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : c.entrySet()) {
      String k = e.getKey();
      Object v = e.getValue();
      if (k.equals("batch_input_shape")) {
        if (l instanceof InputLayer) {
          out.put("batch_shape", v);
        }
        continue;
      }
      if (k.equals("dtype")) {
        out.put("dtype", dtypePolicy());
        continue;
      }
      if (k.equals("alpha") && l.className().equals("LeakyReLU")) {
        out.put("negative_slope", v);
        continue;
      }
      if (k.equals("axis") && v instanceof List<?> axes && l.className().equals("BatchNormalization")) {
        out.put("axis", axes.get(0));
        continue;
      }
      if ((k.endsWith("_initializer") || k.endsWith("_regularizer") || k.endsWith("_constraint"))
          && v instanceof Map<?, ?> init) {
        Map<String, Object> i = new LinkedHashMap<>();
        i.put("module", "keras." + (k.endsWith("_initializer") ? "initializers"
            : k.endsWith("_regularizer") ? "regularizers" : "constraints"));
        i.put("class_name", init.get("class_name"));
        i.put("config", init.get("config"));
        i.put("registered_name", null);
        out.put(k, i);
        continue;
      }
      out.put(k, v);
    }
    if (l instanceof InputLayer) {
      out.put("dtype", "float32");
      out.remove("trainable");
    }
    return out;
  }

  private static Map<String, Object> dtypePolicy() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("module", "keras");
    p.put("class_name", "DTypePolicy");
    p.put("config", Map.of("name", "float32"));
    p.put("registered_name", null);
    return p;
  }
}
