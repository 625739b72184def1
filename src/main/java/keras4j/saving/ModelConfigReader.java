package keras4j.saving;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import keras4j.backend.Compatibility;
import keras4j.layers.InitialStateCall;
import keras4j.layers.InputLayer;
import keras4j.layers.KerasTensor;
import keras4j.layers.Layer;
import keras4j.layers.LayerConfig;
import keras4j.models.Model;
import keras4j.models.Sequential;

/**
 * Rebuilds models from Keras JSON configs (Keras's {@code model_from_config}): Sequential (also the bare-list
 * form of Keras 2.2), functional and nested models, shared layers, in both the Keras 2 dialect
 * ({@code batch_input_shape}, list-form {@code inbound_nodes}, node indices counting a nested model's own graph)
 * and the Keras 3 dialect ({@code batch_shape}, dtype policies, {@code args}/{@code kwargs} nodes).
 */
final class ModelConfigReader {
  private static final java.util.Set<String> MODEL_CLASSES = java.util.Set.of("Functional", "Model", "Sequential");

  private final String source;
  private final Compatibility compatibility;
  private final java.util.Set<String> keras2HardSigmoid = new java.util.HashSet<>();

  /** {@code source} names the file in error messages; {@code compatibility} follows the file's Keras version. */
  ModelConfigReader(String source, Compatibility compatibility) {
    this.source = source;
    this.compatibility = compatibility;
  }

  /** A model from its {@code {"class_name": ..., "config": ...}} form. */
  Model read(Map<String, Object> root) {
    if (asMap(root.get(ModelConfigWriter.EXTRAS)) != null
        && asMap(root.get(ModelConfigWriter.EXTRAS)).get(ModelConfigWriter.KERAS2_HARD_SIGMOID) instanceof List<?> l) {
      l.forEach(n -> keras2HardSigmoid.add(String.valueOf(n)));
    }
    Object cls = root.get("class_name");
    if (!(cls instanceof String className) || !MODEL_CLASSES.contains(className)) {
      throw new IllegalArgumentException("The model config in " + source + " has class_name " + cls
          + "; expected Sequential, Functional or Model");
    }
    Layer l = readLayer(root, null);
    return (Model) l;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object o) {
    return o instanceof Map<?, ?> ? (Map<String, Object>) o : null;
  }

  private IllegalArgumentException bad(String what) {
    return new IllegalArgumentException("Invalid model config in " + source + ": " + what);
  }

  /** Any layer entry: {@code {"class_name", "config", ["name", "inbound_nodes", ...]}}. */
  private Layer readLayer(Map<String, Object> entry, String entryName) {
    Object clsObj = entry.get("class_name");
    if (!(clsObj instanceof String cls)) {
      throw bad("a layer entry has no class_name: " + abbreviate(entry));
    }
    Object cfgObj = entry.get("config");
    if (cls.equals("Sequential")) {
      return readSequential(cfgObj, entryName != null ? entryName : nameOf(cfgObj));
    }
    if (cls.equals("Functional") || cls.equals("Model")) {
      Map<String, Object> cfg = asMap(cfgObj);
      if (cfg == null) {
        throw bad("model " + entryName + " has no config");
      }
      return readFunctional(cfg, entryName != null ? entryName : (String) cfg.get("name"));
    }
    Map<String, Object> cfg = asMap(cfgObj);
    if (cfg == null) {
      throw bad("layer entry " + abbreviate(entry) + " has no config object");
    }
    String name = cfg.get("name") instanceof String s ? s : entryName;
    if (cls.equals("InputLayer")) {
      return readInputLayer(cfg, name);
    }
    Function<LayerConfig, ? extends Layer> factory = LayerRegistry.factory(cls);
    if (factory == null) {
      throw new IllegalArgumentException("Unknown layer class '" + cls + "' (layer '" + name + "') in " + source
          + ". Supported layers: " + String.join(", ", LayerRegistry.supported())
          + ". Register your own with LayerRegistry.register(\"" + cls + "\", config -> ...).");
    }
    checkDtype(cfg, name);
    LayerConfig lc = new LayerConfig(cls, cfg,
        keras2HardSigmoid.contains(name) ? Compatibility.TF_KERAS_2 : compatibility);
    Layer layer;
    try {
      layer = factory.apply(lc);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage() + " (in " + source + ")", e);
    }
    if (name != null) {
      layer.name(name);
    }
    layer.trainable(lc.getBool("trainable", true));
    long[] batchShape = batchShape(lc);
    if (batchShape != null) {
      long[] dims = new long[batchShape.length - 1];
      System.arraycopy(batchShape, 1, dims, 0, dims.length);
      layer.inputShape(dims);
    }
    return layer;
  }

  private static String nameOf(Object cfg) {
    Map<String, Object> m = asMap(cfg);
    return m != null && m.get("name") instanceof String s ? s : null;
  }

  private void checkDtype(Map<String, Object> cfg, String name) {
    Object d = cfg.get("dtype");
    String dtype = null;
    if (d instanceof String s) {
      dtype = s;
    } else if (asMap(d) != null) {
      Map<String, Object> policy = asMap(asMap(d).get("config"));
      dtype = policy != null && policy.get("name") instanceof String s ? s : null;
    }
    if (dtype != null && !dtype.equals("float32")) {
      throw new IllegalArgumentException("Layer '" + name + "' in " + source + " uses dtype " + dtype
          + "; keras4j computes in float32 only");
    }
  }

  private static long[] batchShape(LayerConfig c) {
    if (c.has("batch_input_shape")) {
      return c.getShape("batch_input_shape");
    }
    if (c.has("batch_shape")) {
      return c.getShape("batch_shape");
    }
    return null;
  }

  private InputLayer readInputLayer(Map<String, Object> cfg, String name) {
    LayerConfig c = new LayerConfig("InputLayer", cfg, compatibility);
    long[] shape = batchShape(c);
    if (shape == null && c.has("shape")) {
      long[] dims = c.getShape("shape");
      shape = new long[dims.length + 1];
      shape[0] = -1;
      System.arraycopy(dims, 0, shape, 1, dims.length);
    }
    if (shape == null) {
      throw bad("InputLayer '" + name + "' has no batch_input_shape or batch_shape");
    }
    if (c.getBool("sparse", false)) {
      throw new IllegalArgumentException("InputLayer '" + name + "' in " + source + " is sparse; keras4j supports dense inputs");
    }
    checkDtype(cfg, name);
    return new InputLayer(shape, name);
  }

  // ------------------------------------------------------------------ Sequential

  private Sequential readSequential(Object cfgObj, String name) {
    List<?> layers;
    Map<String, Object> cfg = asMap(cfgObj);
    if (cfgObj instanceof List<?> l) {
      layers = l;
    } else if (cfg != null && cfg.get("layers") instanceof List<?> l) {
      layers = l;
    } else {
      throw bad("Sequential model " + name + " has no layers list");
    }
    List<Layer> stack = new ArrayList<>();
    for (Object o : layers) {
      Map<String, Object> entry = asMap(o);
      if (entry == null) {
        throw bad("Sequential model " + name + " lists a layer that is not an object: " + o);
      }
      stack.add(readLayer(entry, entry.get("name") instanceof String s ? s : null));
    }
    Sequential model = new Sequential(stack);
    if (name != null) {
      model.name(name);
    }
    if (cfg != null && cfg.get("build_input_shape") instanceof List<?> && model.hiddenInputLayer() == null
        && !model.layers().isEmpty()) {
      model.build(new LayerConfig("Sequential", cfg, compatibility).getShape("build_input_shape"));
    }
    return model;
  }

  // ------------------------------------------------------------------ Functional

  private Model readFunctional(Map<String, Object> cfg, String name) {
    if (!(cfg.get("layers") instanceof List<?> layerList)) {
      throw bad("functional model " + name + " has no layers list");
    }
    Map<String, Layer> created = new LinkedHashMap<>();
    Map<String, List<List<KerasTensor>>> calls = new HashMap<>();
    Map<String, List<Object>> pending = new LinkedHashMap<>();
    boolean keras3 = false;
    for (Object o : layerList) {
      Map<String, Object> entry = asMap(o);
      if (entry == null) {
        throw bad("model " + name + " lists a layer that is not an object");
      }
      String layerName = entry.get("name") instanceof String s ? s : nameOf(entry.get("config"));
      if (layerName == null) {
        throw bad("a layer of model " + name + " has no name");
      }
      if (created.containsKey(layerName)) {
        throw bad("layer name '" + layerName + "' appears twice in model " + name);
      }
      Layer layer = readLayer(entry, layerName);
      created.put(layerName, layer);
      calls.put(layerName, new ArrayList<>());
      if (layer instanceof InputLayer in) {
        calls.get(layerName).add(List.of(in.output()));
      }
      List<Object> nodes = new ArrayList<>();
      if (entry.get("inbound_nodes") instanceof List<?> l) {
        nodes.addAll(l);
      }
      for (Object n : nodes) {
        if (asMap(n) != null) {
          keras3 = true;
        }
      }
      if (!(layer instanceof InputLayer) && !nodes.isEmpty()) {
        pending.put(layerName, nodes);
      }
    }
    boolean k3 = keras3;
    while (!pending.isEmpty()) {
      boolean progress = false;
      for (String layerName : new ArrayList<>(pending.keySet())) {
        List<Object> nodes = pending.get(layerName);
        while (!nodes.isEmpty()) {
          List<KerasTensor> inputs = resolveNode(nodes.get(0), created, calls, k3, layerName);
          if (inputs == null) {
            break;
          }
          Layer layer = created.get(layerName);
          List<KerasTensor> out;
          try {
            out = layer.apply(inputs);
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " (while rebuilding model " + name + " from " + source + ")", e);
          }
          calls.get(layerName).add(out);
          nodes.remove(0);
          progress = true;
        }
        if (nodes.isEmpty()) {
          pending.remove(layerName);
        }
      }
      if (!progress) {
        throw bad("cannot connect the layers " + pending.keySet() + " of model " + name
            + ": their inputs come from calls that do not exist (graph disconnected)");
      }
    }
    List<KerasTensor> inputs = endpoints(cfg.get("input_layers"), created, calls, k3, name, "input_layers");
    List<KerasTensor> outputs = endpoints(cfg.get("output_layers"), created, calls, k3, name, "output_layers");
    Model model = new Model(inputs, outputs);
    if (name != null) {
      model.name(name);
    }
    return model;
  }

  /** Keras 2 counts a nested model's own graph as node 0; so do Keras 3's endpoint lists, for Functional only. */
  private static int callIndex(Layer layer, int nodeIndex, boolean keras3, boolean endpoint) {
    boolean model = layer instanceof Model;
    boolean functional = model && !(layer instanceof Sequential);
    int offset = keras3 ? (endpoint && functional ? 1 : 0) : (model ? 1 : 0);
    return nodeIndex - offset;
  }

  private KerasTensor tensor(String layerName, int nodeIndex, int tensorIndex, Map<String, Layer> created,
      Map<String, List<List<KerasTensor>>> calls, boolean keras3, boolean endpoint, String context) {
    Layer layer = created.get(layerName);
    if (layer == null) {
      throw bad(context + " refers to layer '" + layerName + "', which the model does not contain");
    }
    int call = callIndex(layer, nodeIndex, keras3, endpoint);
    List<List<KerasTensor>> made = calls.get(layerName);
    if (call < 0) {
      throw bad(context + " refers to node " + nodeIndex + " of layer '" + layerName + "', which does not exist");
    }
    if (call >= made.size()) {
      return null;
    }
    List<KerasTensor> outs = made.get(call);
    if (tensorIndex < 0 || tensorIndex >= outs.size()) {
      throw bad(context + " refers to output " + tensorIndex + " of layer '" + layerName + "', which has "
          + outs.size() + " output(s)");
    }
    return outs.get(tensorIndex);
  }

  /** The input tensors of one inbound node, or null when a producer has not been called yet. */
  private List<KerasTensor> resolveNode(Object node, Map<String, Layer> created, Map<String, List<List<KerasTensor>>> calls,
      boolean keras3, String layerName) {
    List<Object[]> refs = new ArrayList<>();
    Map<String, Object> m = asMap(node);
    if (m != null) {
      Map<String, Object> kwargs = asMap(m.get("kwargs"));
      Object initialState = null;
      if (kwargs != null && kwargs.get("initial_state") != null
          && created.get(layerName) instanceof InitialStateCall) {
        kwargs = new LinkedHashMap<>(kwargs);
        initialState = kwargs.remove("initial_state");
      }
      checkKwargs(kwargs, layerName);
      Object args = m.get("args");
      if (!(args instanceof List<?> a) || a.isEmpty()) {
        throw bad("layer '" + layerName + "' has an inbound node without args");
      }
      collectKerasTensors(a.get(0), refs, layerName);
      if (initialState != null) {
        collectKerasTensors(initialState, refs, layerName);
      }
    } else if (node instanceof List<?> l) {
      for (Object item : l) {
        if (!(item instanceof List<?> ref) || ref.size() < 3) {
          throw bad("layer '" + layerName + "' has an inbound node entry " + item
              + "; expected [layer_name, node_index, tensor_index, kwargs]");
        }
        if (ref.size() > 3) {
          checkKwargs(asMap(ref.get(3)), layerName);
        }
        refs.add(new Object[] {ref.get(0), ref.get(1), ref.get(2)});
      }
    } else {
      throw bad("layer '" + layerName + "' has an inbound node of unknown form: " + node);
    }
    List<KerasTensor> inputs = new ArrayList<>();
    for (Object[] r : refs) {
      KerasTensor t = tensor(String.valueOf(r[0]), ((Number) r[1]).intValue(), ((Number) r[2]).intValue(), created, calls,
          keras3, false, "an inbound node of layer '" + layerName + "'");
      if (t == null) {
        return null;
      }
      inputs.add(t);
    }
    return inputs;
  }

  private void collectKerasTensors(Object arg, List<Object[]> refs, String layerName) {
    if (arg instanceof List<?> l) {
      for (Object o : l) {
        collectKerasTensors(o, refs, layerName);
      }
      return;
    }
    Map<String, Object> m = asMap(arg);
    if (m == null || !"__keras_tensor__".equals(m.get("class_name"))) {
      throw bad("layer '" + layerName + "' is called on " + arg + "; expected Keras tensors");
    }
    Map<String, Object> cfg = asMap(m.get("config"));
    if (cfg == null || !(cfg.get("keras_history") instanceof List<?> h) || h.size() != 3) {
      throw bad("a Keras tensor feeding layer '" + layerName + "' has no keras_history");
    }
    refs.add(new Object[] {h.get(0), h.get(1), h.get(2)});
  }

  private void checkKwargs(Map<String, Object> kwargs, String layerName) {
    if (kwargs == null) {
      return;
    }
    for (Map.Entry<String, Object> e : kwargs.entrySet()) {
      boolean harmless = e.getValue() == null || e.getKey().equals("training") || e.getKey().equals("mask");
      if (!harmless) {
        throw new IllegalArgumentException("Layer '" + layerName + "' in " + source + " is called with argument "
            + e.getKey() + "=" + e.getValue() + ", which keras4j does not support");
      }
    }
  }

  private List<KerasTensor> endpoints(Object spec, Map<String, Layer> created, Map<String, List<List<KerasTensor>>> calls,
      boolean keras3, String model, String key) {
    if (!(spec instanceof List<?> list) || list.isEmpty()) {
      throw bad("model " + model + " has no " + key);
    }
    List<List<?>> triples = new ArrayList<>();
    if (list.get(0) instanceof String) {
      triples.add(list);
    } else {
      for (Object o : list) {
        if (!(o instanceof List<?> t)) {
          throw bad(key + " of model " + model + " holds " + o + "; expected [layer_name, node_index, tensor_index]");
        }
        triples.add(t);
      }
    }
    List<KerasTensor> out = new ArrayList<>();
    for (List<?> t : triples) {
      if (t.size() != 3) {
        throw bad(key + " of model " + model + " holds " + t + "; expected [layer_name, node_index, tensor_index]");
      }
      KerasTensor kt = tensor(String.valueOf(t.get(0)), ((Number) t.get(1)).intValue(), ((Number) t.get(2)).intValue(),
          created, calls, keras3, true, key + " of model " + model);
      if (kt == null) {
        throw bad(key + " of model " + model + " refers to " + t + ", a call that the config never makes");
      }
      out.add(kt);
    }
    return out;
  }

  private static String abbreviate(Object o) {
    String s = String.valueOf(o);
    return s.length() > 120 ? s.substring(0, 120) + "..." : s;
  }
}
