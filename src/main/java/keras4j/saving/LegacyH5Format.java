package keras4j.saving;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.WritableGroup;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import keras4j.backend.Backend;
import keras4j.backend.Compatibility;
import keras4j.backend.KerasVariable;
import keras4j.backend.Shapes;
import keras4j.layers.Layer;
import keras4j.models.Model;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * Keras's legacy HDF5 format ({@code legacy_h5_format}): {@code save_weights('x.h5')} and {@code save('x.h5')} as
 * tf.keras 2.x writes them, and reading of every variant Keras 2.0 to 3.x wrote (see the fixtures' README).
 */
final class LegacyH5Format {
  static final String KERAS_VERSION = "2.15.0";

  private LegacyH5Format() {}

  // ------------------------------------------------------------------ layout helpers

  /** The layers whose weights a legacy file lists: {@code model.layers}. */
  static List<Layer> layers(Model model) {
    return model.layers();
  }

  /** Keras's {@code _legacy_weights(layer)}: trainable weights, then non-trainable ones. */
  static List<KerasVariable> legacyWeights(Layer layer) {
    List<KerasVariable> w = new ArrayList<>(layer.trainableWeights());
    w.addAll(layer.nonTrainableWeights());
    return w;
  }

  /** The plain (non-model) layer owning each variable, searching nested models. */
  static Map<KerasVariable, Layer> owners(Model model) {
    Map<KerasVariable, Layer> owners = new IdentityHashMap<>();
    collectOwners(model, owners);
    return owners;
  }

  private static void collectOwners(Model model, Map<KerasVariable, Layer> owners) {
    for (Layer l : model.layers()) {
      if (l instanceof Model m) {
        collectOwners(m, owners);
      } else {
        for (KerasVariable v : l.weights()) {
          owners.putIfAbsent(v, l);
        }
      }
    }
  }

  /**
   * tf.keras's weight name: {@code dense/kernel:0}; weights of sub-layers keep their path
   * ({@code lstm/lstm_cell/kernel:0}, {@code bidirectional/forward_lstm/lstm_cell/kernel:0}).
   */
  static String weightName(KerasVariable v, Map<KerasVariable, Layer> owners) {
    String n = v.name();
    String shortName = n.substring(n.lastIndexOf('/') + 1);
    Layer owner = owners.get(v);
    if (owner != null && !owner.trackedLayers().isEmpty()) {
      String prefix = owner.name() + "/";
      return prefix + (n.startsWith(prefix) ? n.substring(prefix.length()) : n) + ":0";
    }
    return (owner != null ? owner.name() : n.substring(0, Math.max(0, n.lastIndexOf('/')))) + "/" + shortName + ":0";
  }

  static List<FloatNdArray> read(List<KerasVariable> vars) {
    return vars.isEmpty() ? new ArrayList<>() : vars.get(0).context().read(vars);
  }

  static void assign(List<KerasVariable> vars, List<FloatNdArray> values) {
    if (!vars.isEmpty()) {
      vars.get(0).context().assign(vars, values);
    }
  }

  // ------------------------------------------------------------------ writing

  static void saveWeights(Model model, Path path) {
    List<FloatNdArray> values = read(allLegacyWeights(model));
    Hdf5.writeAtomically(path, root -> writeWeightGroups(root, model, values));
  }

  private static List<KerasVariable> allLegacyWeights(Model model) {
    List<KerasVariable> all = new ArrayList<>();
    for (Layer l : layers(model)) {
      all.addAll(legacyWeights(l));
    }
    return all;
  }

  /** Layer groups plus the {@code layer_names}, {@code backend} and {@code keras_version} attributes. */
  private static void writeWeightGroups(WritableGroup root, Model model, List<FloatNdArray> values) {
    Map<KerasVariable, Layer> owners = owners(model);
    List<String> names = new ArrayList<>();
    layers(model).forEach(l -> names.add(l.name()));
    Hdf5.putStrings(root, "layer_names", names);
    Hdf5.putString(root, "backend", "tensorflow");
    Hdf5.putString(root, "keras_version", KERAS_VERSION);
    int k = 0;
    for (Layer l : layers(model)) {
      WritableGroup g = root.putGroup(l.name());
      List<KerasVariable> ws = legacyWeights(l);
      List<String> weightNames = new ArrayList<>();
      for (KerasVariable v : ws) {
        weightNames.add(weightName(v, owners));
      }
      Hdf5.putStrings(g, "weight_names", weightNames);
      Map<String, WritableGroup> subgroups = new LinkedHashMap<>();
      for (int i = 0; i < ws.size(); i++) {
        String wn = weightNames.get(i);
        String[] parts = wn.split("/");
        WritableGroup parent = g;
        StringBuilder prefix = new StringBuilder();
        for (int p = 0; p < parts.length - 1; p++) {
          prefix.append('/').append(parts[p]);
          WritableGroup pg = parent;
          String part = parts[p];
          parent = subgroups.computeIfAbsent(prefix.toString(), x -> pg.putGroup(part));
        }
        Hdf5.putFloats(parent, parts[parts.length - 1], values.get(k++));
      }
    }
  }

  /**
   * Keras's {@code model.save('x.h5')}. The config is in tf.keras 2.x's dialect, which tf.keras 2 and Keras 3 both
   * read, except for a model holding a nested model: there the two read a node index inside {@code inbound_nodes}
   * differently (tf.keras counts the nested model's own graph as node 0, Keras 3 does not), so keras4j writes Keras
   * 3's dialect, as Keras 3.15.1 itself does in a legacy .h5; so it does for a recurrent layer called with initial
   * states (tf.keras lists them as extra inbound tensors, which Keras 3 refuses); with {@link Backend#compatibility()}
   * TF_KERAS_2 or KERAS_2 it writes tf.keras's.
   */
  static void saveModel(Model model, Path path) {
    boolean keras3 = Backend.compatibility() == Compatibility.KERAS_3
        && (holdsNestedModel(model) || callsWithInitialStates(model));
    String version = keras3 ? KerasArchive.KERAS_VERSION : KERAS_VERSION;
    ModelConfigWriter writer = new ModelConfigWriter(keras3 ? ModelConfigWriter.Dialect.KERAS_3
        : ModelConfigWriter.Dialect.KERAS_2);
    Map<String, Object> config = writer.model(model);
    config.put("keras_version", version);
    config.put("backend", "tensorflow");
    String modelConfig = Json.write(config);
    String trainingConfig = model.compiled() ? Json.write(CompileConfig.trainingConfig(model)) : null;
    List<FloatNdArray> values = read(allLegacyWeights(model));
    Long shuffle = keras4j.backend.ShuffleRandom.savedState(model);
    Hdf5.writeAtomically(path, root -> {
      Hdf5.putString(root, "keras_version", version);
      Hdf5.putString(root, "backend", "tensorflow");
      Hdf5.putString(root, "model_config", modelConfig);
      if (trainingConfig != null) {
        Hdf5.putString(root, "training_config", trainingConfig);
      }
      Hdf5.putString(root, "keras4j_version", SavingApi.KERAS4J_VERSION);
      if (shuffle != null) {
        Hdf5.putString(root, KerasArchive.SHUFFLE_STATE, Long.toString(shuffle));
      }
      writeWeightGroups(root.putGroup("model_weights"), model, values);
    });
  }

  private static boolean holdsNestedModel(Model model) {
    for (Layer l : model.layers()) {
      if (l instanceof Model) {
        return true;
      }
    }
    return false;
  }

  private static boolean callsWithInitialStates(Model model) {
    for (Layer l : model.layers()) {
      if (l instanceof keras4j.layers.InitialStateCall) {
        for (keras4j.layers.Node n : l.inboundNodes()) {
          if (n.inputs().size() > 1) {
            return true;
          }
        }
      }
    }
    return false;
  }

  // ------------------------------------------------------------------ reading

  /** The Keras generation that wrote a file, from its {@code keras_version} attribute. */
  static Compatibility compatibility(Node root) {
    return Compatibility.ofVersion(Hdf5.string(root, "keras_version"));
  }

  static Model loadModel(HdfFile f, String source) {
    String config = Hdf5.string(f, "model_config");
    if (config == null) {
      if (f.getChild("layers") != null) {
        throw new IllegalArgumentException(source + " holds only weights, in the Keras 3 .weights.h5 layout; build the model "
            + "(or Models.fromJson(config)) and call model.loadWeights(\"" + source + "\")");
      }
      throw new IllegalArgumentException(source + " holds only weights (it has no model_config attribute); build the model "
          + "(or Models.fromJson(config)) and call model.loadWeights(\"" + source + "\")");
    }
    Compatibility compat = compatibility(f);
    Model model = new ModelConfigReader(source, compat).read(Json.parseObject(config, source + " (model_config)"));
    Group weights = Hdf5.group(f, "model_weights");
    if (weights == null) {
      throw new IllegalArgumentException(source + " has a model_config but no model_weights group");
    }
    loadWeights(model, weights, source, false, false);
    String training = Hdf5.string(f, "training_config");
    if (training != null) {
      CompileConfig.compileFromTrainingConfig(model, Json.parseObject(training, source + " (training_config)"), source);
    }
    String shuffle = Hdf5.string(f, KerasArchive.SHUFFLE_STATE);
    if (shuffle != null) {
      try {
        keras4j.backend.ShuffleRandom.restore(model, Long.parseLong(shuffle.trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(source + ": attribute " + KerasArchive.SHUFFLE_STATE + " is not a number: "
            + shuffle, e);
      }
    }
    return model;
  }

  /** Keras's {@code load_weights_from_hdf5_group} (topological) and {@code ..._by_name}. */
  static void loadWeights(Model model, Group g, String source, boolean byName, boolean skipMismatch) {
    List<String> fileLayers = Hdf5.strings(g, "layer_names");
    if (fileLayers.isEmpty()) {
      throw new IllegalArgumentException(source + " lists no layers (no layer_names attribute): it is not a Keras weights file");
    }
    List<KerasVariable> targets = new ArrayList<>();
    List<FloatNdArray> values = new ArrayList<>();
    if (byName) {
      Map<String, Layer> byLayerName = new LinkedHashMap<>();
      layers(model).forEach(l -> byLayerName.put(l.name(), l));
      for (String name : fileLayers) {
        Layer layer = byLayerName.get(name);
        if (layer == null) {
          continue;
        }
        match(layer, name, readLayer(g, name, source), source, skipMismatch, targets, values);
      }
    } else {
      List<Layer> withWeights = new ArrayList<>();
      for (Layer l : layers(model)) {
        if (!l.weights().isEmpty()) {
          withWeights.add(l);
        }
      }
      List<String> saved = new ArrayList<>();
      Map<String, List<FloatNdArray>> data = new LinkedHashMap<>();
      for (String name : fileLayers) {
        List<FloatNdArray> ws = readLayer(g, name, source);
        if (!ws.isEmpty()) {
          saved.add(name);
          data.put(name, ws);
        }
      }
      if (saved.size() != withWeights.size()) {
        throw new IllegalArgumentException("Layer count mismatch when loading weights from file " + source + ". Model expected "
            + withWeights.size() + " layers with weights " + names(withWeights) + ", found " + saved.size()
            + " saved layers " + saved);
      }
      for (int k = 0; k < saved.size(); k++) {
        match(withWeights.get(k), saved.get(k), data.get(saved.get(k)), source, skipMismatch, targets, values);
      }
    }
    assign(targets, values);
  }

  private static List<String> names(List<Layer> layers) {
    List<String> n = new ArrayList<>();
    layers.forEach(l -> n.add(l.name()));
    return n;
  }

  private static void match(Layer layer, String savedName, List<FloatNdArray> saved, String source, boolean skipMismatch,
      List<KerasVariable> targets, List<FloatNdArray> values) {
    List<KerasVariable> symbolic = legacyWeights(layer);
    if (symbolic.size() != saved.size()) {
      String msg = "Layer '" + layer.name() + "' in the current model was matched with layer '" + savedName + "' of " + source
          + ", but it expects " + symbolic.size() + " weights and the file has " + saved.size();
      if (skipMismatch) {
        System.err.println("Skipping loading weights: " + msg);
        return;
      }
      throw new IllegalArgumentException(msg);
    }
    for (int i = 0; i < saved.size(); i++) {
      long[] expected = symbolic.get(i).shape();
      long[] got = saved.get(i).shape().asArray();
      if (!Arrays.equals(expected, got)) {
        String msg = "Layer '" + layer.name() + "', weight " + i + " (" + symbolic.get(i).name() + ") in " + source
            + ": expected shape " + Shapes.format(expected) + ", received " + Shapes.format(got);
        if (skipMismatch) {
          System.err.println("Skipping loading weights: " + msg);
          return;
        }
        throw new IllegalArgumentException(msg);
      }
    }
    targets.addAll(symbolic);
    values.addAll(saved);
  }

  /** The data sets named by a layer group's {@code weight_names}, in that order. */
  private static List<FloatNdArray> readLayer(Group root, String layerName, String source) {
    Group g = Hdf5.group(root, layerName);
    if (g == null) {
      throw new IllegalArgumentException(source + " lists layer '" + layerName + "' in layer_names but has no group for it");
    }
    List<FloatNdArray> out = new ArrayList<>();
    for (String wn : Hdf5.strings(g, "weight_names")) {
      Node n;
      try {
        n = g.getByPath(wn);
      } catch (RuntimeException e) {
        n = null;
      }
      if (!(n instanceof Dataset ds)) {
        throw new IllegalArgumentException(source + ": layer '" + layerName + "' names weight '" + wn
            + "', but there is no data set at " + g.getPath() + "/" + wn);
      }
      out.add(Hdf5.floats(ds));
    }
    return out;
  }
}
