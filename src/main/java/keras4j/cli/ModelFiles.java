package keras4j.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import keras4j.layers.KerasTensor;
import keras4j.layers.Layer;
import keras4j.layers.Node;
import keras4j.models.Model;
import keras4j.models.Models;
import keras4j.saving.SavingApi;
import org.apache.commons.cli.Option;

/**
 * Model files by extension: {@code .keras} (Keras 3 archive), {@code .h5} (legacy full model), {@code .json}
 * (the {@code to_json} config, without weights) and {@code .weights.h5} (Keras 3 weights, with a config).
 */
final class ModelFiles {
  private ModelFiles() {}

  static boolean isJson(Path p) {
    return name(p).endsWith(".json");
  }

  /** {@code --random-weights}: what lets a command that computes outputs run a JSON config. */
  static Option randomWeightsOption() {
    return Opt.flag("random-weights", "Allow a .json config (no weights): run it with freshly initialised weights");
  }

  /** {@code --layer NAME}: the outputs of one layer instead of the model's. */
  static Option layerOption(String what) {
    return Opt.value("layer", "NAME", what);
  }

  /** Loads a whole model, or builds one with fresh weights from a JSON config. */
  static Model load(Path path) {
    if (!Files.isRegularFile(path)) {
      throw new UncheckedIOException(new NoSuchFileException(path.toString()));
    }
    if (isJson(path)) {
      try {
        return SavingApi.fromJson(Files.readString(path), path.toString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    String n = name(path);
    if (n.endsWith(".weights.h5")) {
      throw new UsageException(path + " holds only weights (Keras 3 .weights.h5): give the whole model (.keras or .h5)"
          + " or its .json config with --config");
    }
    return Models.load(path);
  }

  /**
   * Loads a model for a command that computes outputs: a {@code .json} config (random weights) only with {@code
   * --random-weights}, and a {@code .weights.h5} file only with its {@code --config}.
   */
  static Model loadForOutputs(Invocation call, Path path) {
    if (isJson(path) && Files.isRegularFile(path) && !call.has("random-weights")) {
      throw new UsageException(path + " is a JSON config without weights: its outputs would come from random "
          + "weights. Give the trained model (.keras or .h5), or pass --random-weights to run it anyway");
    }
    return load(path);
  }

  /** Loads IN: a whole model, a JSON config, or weights ({@code .weights.h5} or weights-only {@code .h5}) with {@code config}. */
  static Model load(Path path, Path config) {
    if (config == null) {
      return load(path);
    }
    if (!isJson(config)) {
      throw new UsageException("--config expects the model's .json config, received " + config);
    }
    if (!Files.isRegularFile(path)) {
      throw new UncheckedIOException(new NoSuchFileException(path.toString()));
    }
    Model model = load(config);
    try {
      model.loadWeights(path);
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
    return model;
  }

  /**
   * Keras's {@code Model(model.inputs, model.get_layer(name).output)}: the sub-model ending at one layer (an
   * autoencoder's code layer, say), sharing its weights.
   */
  static Model upTo(Model model, String layerName, Path file) {
    Layer layer = null;
    List<String> names = new ArrayList<>();
    for (Layer l : model.layers()) {
      names.add(l.name());
      if (l.name().equals(layerName)) {
        layer = l;
      }
    }
    if (layer == null) {
      throw new UsageException("--layer " + layerName + ": no such layer in " + file + "; its layers are " + names);
    }
    for (Node n : model.nodes()) {
      if (n.layer() == layer) {
        List<KerasTensor> outs = n.outputs();
        if (outs.size() != 1) {
          throw new IllegalArgumentException("--layer " + layerName + " has " + outs.size() + " outputs in " + file
              + "; expected one");
        }
        return new Model(model.inputs(), List.of(outs.get(0)));
      }
    }
    throw new IllegalArgumentException("--layer " + layerName + " is not called in the graph of " + file);
  }

  /** Fails unless the name says how to save a model; {@code json} allows a config and {@code .weights.h5}. */
  static void checkTarget(Path path, boolean json) {
    String n = name(path);
    boolean ok = n.endsWith(".keras") || n.endsWith(".h5") || n.endsWith(".hdf5")
        || (json && n.endsWith(".json"));
    if (!ok || (!json && n.endsWith(".weights.h5"))) {
      throw new UsageException("cannot tell the format of " + path + ": expected a name ending in "
          + (json ? ".keras, .h5, .weights.h5 or .json" : ".keras or .h5"));
    }
  }

  static boolean isWeightsH5(Path p) {
    return name(p).endsWith(".weights.h5");
  }

  /** Saves the whole model, or its JSON config ({@code keras2} for tf.keras 2.x's dialect). */
  static void save(Model model, Path path, boolean keras2) {
    checkTarget(path, true);
    Path parent = path.toAbsolutePath().getParent();
    try {
      if (parent != null) {
        Files.createDirectories(parent);
      }
      if (isJson(path)) {
        Files.writeString(path, keras4j.saving.SavingApi.toJson(model, keras2));
        return;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (isWeightsH5(path)) {
      model.saveWeights(path);
      return;
    }
    model.save(path);
  }

  private static String name(Path p) {
    return p.getFileName() == null ? p.toString() : p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
  }
}
