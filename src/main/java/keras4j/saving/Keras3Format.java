package keras4j.saving;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.WritableGroup;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import keras4j.backend.KerasVariable;
import keras4j.backend.Names;
import keras4j.backend.Shapes;
import keras4j.layers.Layer;
import keras4j.models.Model;
import keras4j.models.Sequential;
import keras4j.optimizers.Optimizer;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * Keras 3's weights layout ({@code .weights.h5}, and {@code model.weights.h5} inside {@code .keras}): layers are
 * addressed by their snake-case class name numbered per container ({@code layers/dense_1/vars/0}), not by their
 * names; nested models are containers of their own; each object is stored once.
 */
final class Keras3Format {
  private Keras3Format() {}

  /** One plain layer's place in the file. */
  record Slot(Layer layer, String path, List<KerasVariable> vars) {}

  /** The plain layers of a model with their Keras 3 paths ({@code layers/functional/layers/dense/vars}). */
  static List<Slot> slots(Model model) {
    List<Slot> out = new ArrayList<>();
    List<String> modelPaths = new ArrayList<>();
    walk(model, "layers", out, modelPaths, Collections.newSetFromMap(new IdentityHashMap<>()));
    return out;
  }

  /** The container paths of nested models (each gets an empty {@code vars} group). */
  static List<String> modelPaths(Model model) {
    List<String> modelPaths = new ArrayList<>();
    walk(model, "layers", new ArrayList<>(), modelPaths, Collections.newSetFromMap(new IdentityHashMap<>()));
    return modelPaths;
  }

  private static void walk(Model m, String path, List<Slot> out, List<String> modelPaths, Set<Layer> visited) {
    Map<String, Integer> used = new HashMap<>();
    for (Layer l : containerLayers(m)) {
      String base = Names.snakeCase(l.className());
      Integer n = used.get(base);
      String name = n == null ? base : base + "_" + (n + 1);
      used.put(base, n == null ? 0 : n + 1);
      if (!visited.add(l)) {
        continue;
      }
      String p = path + "/" + name;
      if (l instanceof Model nested) {
        modelPaths.add(p);
        walk(nested, p + "/layers", out, modelPaths, visited);
      } else {
        addSlots(l, p, out);
      }
    }
  }

  /** A layer's own variables at {@code path/vars}, and its tracked sub-layers (an RNN's cell) below it. */
  private static void addSlots(Layer l, String p, List<Slot> out) {
    Map<String, Layer> children = l.trackedLayers();
    if (children.isEmpty()) {
      out.add(new Slot(l, p + "/vars", l.weights()));
      return;
    }
    out.add(new Slot(l, p + "/vars", List.of()));
    for (Map.Entry<String, Layer> e : children.entrySet()) {
      addSlots(e.getValue(), p + "/" + e.getKey(), out);
    }
  }

  private static List<Layer> containerLayers(Model m) {
    if (m instanceof Sequential s && s.hiddenInputLayer() != null) {
      List<Layer> ls = new ArrayList<>();
      ls.add(s.hiddenInputLayer());
      ls.addAll(s.layers());
      return ls;
    }
    return m.layers();
  }

  // ------------------------------------------------------------------ writing

  static void save(Model model, Path path) {
    List<Slot> slots = slots(model);
    List<KerasVariable> vars = new ArrayList<>();
    for (Slot s : slots) {
      vars.addAll(s.vars());
    }
    List<FloatNdArray> values = LegacyH5Format.read(vars);
    Optimizer opt = model.optimizer();
    List<KerasVariable> optVars = opt != null && opt.isBuilt() ? opt.variables() : List.of();
    List<FloatNdArray> optValues = LegacyH5Format.read(optVars);
    List<String> modelPaths = modelPaths(model);
    Hdf5.writeAtomically(path, root -> {
      Map<String, WritableGroup> groups = new HashMap<>();
      groups.put("", root);
      root.putGroup("vars");
      for (String mp : modelPaths) {
        group(groups, mp + "/vars");
        group(groups, mp + "/layers");
      }
      int k = 0;
      for (Slot s : slots) {
        WritableGroup g = group(groups, s.path());
        int n = s.vars().size();
        for (int i = 0; i < n; i++) {
          Hdf5.putFloats(g, Integer.toString(i), values.get(k++));
        }
      }
      if (!optVars.isEmpty()) {
        WritableGroup ov = group(groups, "optimizer/vars");
        for (int i = 0; i < optVars.size(); i++) {
          FloatNdArray v = optValues.get(i);
          if (i == 0) {
            ov.putDataset("0", Long.valueOf((long) v.getFloat()));
          } else if (v.rank() == 0) {
            ov.putDataset(Integer.toString(i), Float.valueOf(v.getFloat()));
          } else {
            Hdf5.putFloats(ov, Integer.toString(i), v);
          }
        }
      }
    });
  }

  private static WritableGroup group(Map<String, WritableGroup> groups, String path) {
    WritableGroup g = groups.get(path);
    if (g != null) {
      return g;
    }
    int slash = path.lastIndexOf('/');
    WritableGroup parent = group(groups, slash < 0 ? "" : path.substring(0, slash));
    g = parent.putGroup(path.substring(slash + 1));
    groups.put(path, g);
    return g;
  }

  // ------------------------------------------------------------------ reading

  /** True when the file has Keras 3's layout. */
  static boolean isKeras3(HdfFile f) {
    return (f.getChild("layers") instanceof Group || f.getChild(TF_KERAS_213_LAYERS) instanceof Group)
        && f.getAttribute("layer_names") == null
        && f.getChild("model_weights") == null;
  }

  /**
   * tf.keras 2.13 stored a functional model's layers under this group instead of {@code layers}; Keras 3 reads them by
   * replacing "layers" with it in the path (saving_lib's "Fix for 2.13 compatibility"), and so does keras4j.
   */
  static final String TF_KERAS_213_LAYERS = "_layer_checkpoint_dependencies";

  static void loadWeights(Model model, HdfFile f, String source) {
    List<KerasVariable> targets = new ArrayList<>();
    List<FloatNdArray> values = new ArrayList<>();
    for (Slot s : slots(model)) {
      List<KerasVariable> ws = s.vars();
      Node node = find(f, s.path());
      if (!(node instanceof Group) && f.getChild(TF_KERAS_213_LAYERS) instanceof Group) {
        node = find(f, s.path().replace("layers", TF_KERAS_213_LAYERS));
      }
      List<FloatNdArray> saved = new ArrayList<>();
      if (node instanceof Group g) {
        for (int i = 0; g.getChild(Integer.toString(i)) instanceof Dataset ds; i++) {
          saved.add(Hdf5.floats(ds));
        }
      } else if (!ws.isEmpty()) {
        throw new IllegalArgumentException(source + " has no weights for layer '" + s.layer().name() + "' ("
            + s.layer().className() + "): expected the group " + s.path());
      }
      if (saved.size() != ws.size()) {
        throw new IllegalArgumentException("Layer '" + s.layer().name() + "' expects " + ws.size() + " variables, but "
            + source + " has " + saved.size() + " at " + s.path());
      }
      for (int i = 0; i < ws.size(); i++) {
        long[] expected = ws.get(i).shape();
        long[] got = saved.get(i).shape().asArray();
        if (!Arrays.equals(expected, got)) {
          throw new IllegalArgumentException("Layer '" + s.layer().name() + "', variable " + i + " (" + ws.get(i).name()
              + ") in " + source + ": expected shape " + Shapes.format(expected) + ", received " + Shapes.format(got));
        }
      }
      targets.addAll(ws);
      values.addAll(saved);
    }
    LegacyH5Format.assign(targets, values);
  }

  /** Restores the optimizer's state from {@code optimizer/vars}, when the counts agree. */
  static void loadOptimizer(Model model, HdfFile f, String source) {
    Optimizer opt = model.optimizer();
    if (opt == null || !(find(f, "optimizer/vars") instanceof Group g) || g.getChildren().isEmpty()) {
      return;
    }
    opt.build(model.trainableWeights());
    List<KerasVariable> vars = opt.variables();
    if (g.getChildren().size() != vars.size()) {
      if (neverStepped(g)) {
        return;
      }
      System.err.println("Warning: skipping the optimizer state of " + source + ": it has " + g.getChildren().size()
          + " variables, the model's " + opt.name() + " optimizer has " + vars.size());
      return;
    }
    List<FloatNdArray> values = new ArrayList<>();
    for (int i = 0; i < vars.size(); i++) {
      if (!(g.getChild(Integer.toString(i)) instanceof Dataset ds)) {
        throw new IllegalArgumentException(source + " lacks optimizer/vars/" + i);
      }
      FloatNdArray v = Hdf5.floats(ds);
      long[] expected = vars.get(i).shape();
      if (!Arrays.equals(expected, v.shape().asArray()) && !(expected.length == 0 && v.shape().size() == 1)) {
        throw new IllegalArgumentException("Optimizer variable " + i + " (" + vars.get(i).name() + ") in " + source
            + ": expected shape " + Shapes.format(expected) + ", received " + Shapes.format(v.shape().asArray()));
      }
      values.add(expected.length == 0 ? org.tensorflow.ndarray.NdArrays.scalarOf(v.getFloat(new long[v.rank()]))
          : v);
    }
    LegacyH5Format.assign(vars, values);
  }

  /**
   * Whether the saved optimizer state is that of an optimizer Keras never built: only {@code iterations} (0) and
   * {@code learning_rate}, as a compiled model saved before training stores it; nothing is lost by not restoring it.
   */
  private static boolean neverStepped(Group vars) {
    if (vars.getChildren().size() > 2 || !(vars.getChild("0") instanceof Dataset it)) {
      return false;
    }
    Object v = it.getData();
    return v instanceof Number n && n.doubleValue() == 0;
  }

  static Node find(Group root, String path) {
    Node n = root;
    for (String part : path.split("/")) {
      if (!(n instanceof Group g)) {
        return null;
      }
      n = g.getChild(part);
      if (n == null) {
        return null;
      }
    }
    return n;
  }
}
