package keras4j.saving;

import io.jhdf.HdfFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import keras4j.backend.Backend;
import keras4j.models.Model;

/**
 * Keras's saving entry points ({@code model.save}, {@code save_weights}, {@code load_weights},
 * {@code load_model}, {@code to_json}, {@code model_from_json}), dispatching on the file's extension and content.
 */
public final class SavingApi {
  /** Written beside the Keras version in files keras4j saves. */
  public static final String KERAS4J_VERSION = "0.1.0";

  private SavingApi() {}

  private static String fileName(Path p) {
    return p.getFileName() == null ? p.toString() : p.getFileName().toString();
  }

  /** {@code save_weights}: {@code .weights.h5} in Keras 3's layout, any other {@code .h5} in tf.keras's. */
  public static void saveWeights(Model model, Path path) {
    try {
      saveWeightsUnwrapped(model, path);
    } catch (RuntimeException e) {
      throw wrapWrite(e, path);
    }
  }

  private static void saveWeightsUnwrapped(Model model, Path path) {
    String name = fileName(path);
    if (name.endsWith(".weights.h5")) {
      Keras3Format.save(model, path);
    } else if (name.endsWith(".h5") || name.endsWith(".hdf5")) {
      LegacyH5Format.saveWeights(model, path);
    } else {
      throw new IllegalArgumentException("Cannot tell the weights format from the file name " + path
          + ": use .weights.h5 (Keras 3) or .h5 (legacy)");
    }
  }

  /** {@code load_weights}: legacy {@code .h5} (topological order, or by name) or Keras 3 {@code .weights.h5}. */
  public static void loadWeights(Model model, Path path, boolean byName, boolean skipMismatch) {
    String source = path.toString();
    if (Files.isDirectory(path)) {
      throw new IllegalArgumentException(source + " is a directory, not a weights file");
    }
    if (Files.isRegularFile(path) && KerasArchive.isZip(path)) {
      throw new IllegalArgumentException(source + " is a .keras archive, not a weights file; load it with Models.load");
    }
    try (HdfFile f = Hdf5.open(path)) {
      if (Keras3Format.isKeras3(f)) {
        if (byName) {
          throw new IllegalArgumentException("by_name loading applies to legacy .h5 files; " + source
              + " has Keras 3's layout, which is loaded by structure");
        }
        Keras3Format.loadWeights(model, f, source);
        return;
      }
      io.jhdf.api.Group g = f.getChild("model_weights") instanceof io.jhdf.api.Group mw ? mw : f;
      LegacyH5Format.loadWeights(model, g, source, byName, skipMismatch);
    } catch (RuntimeException e) {
      throw wrap(e, source);
    }
  }

  /** {@code model.save}: {@code .keras} (Keras 3 archive) or {@code .h5} (legacy full model). */
  public static void save(Model model, Path path) {
    try {
      saveUnwrapped(model, path);
    } catch (RuntimeException e) {
      throw wrapWrite(e, path);
    }
  }

  private static void saveUnwrapped(Model model, Path path) {
    String name = fileName(path);
    if (name.endsWith(".keras")) {
      KerasArchive.save(model, path);
    } else if (name.endsWith(".weights.h5")) {
      throw new IllegalArgumentException("model.save does not write " + path + ": a .weights.h5 file holds only weights; "
          + "use saveWeights, or save to .keras or .h5");
    } else if (name.endsWith(".h5") || name.endsWith(".hdf5")) {
      LegacyH5Format.saveModel(model, path);
    } else {
      throw new IllegalArgumentException("Invalid filepath extension for saving " + path
          + ": please use the .keras extension (Keras 3 format) or .h5 (legacy HDF5)");
    }
  }

  /** {@code load_model}: the format is recognised from the content, whatever the extension. */
  public static Model load(Path path) {
    String source = path.toString();
    if (Files.isDirectory(path)) {
      throw new IllegalArgumentException(source + " is a directory, not a model file");
    }
    if (!Files.isRegularFile(path)) {
      throw new java.io.UncheckedIOException(new java.io.FileNotFoundException("No such file: " + path));
    }
    try {
      if (KerasArchive.isZip(path)) {
        return KerasArchive.load(path);
      }
      if (!Hdf5.isHdf5(path)) {
        throw new IllegalArgumentException(source + " is neither a .keras (zip) archive nor an HDF5 file");
      }
      try (HdfFile f = Hdf5.open(path)) {
        return LegacyH5Format.loadModel(f, source);
      }
    } catch (RuntimeException e) {
      throw wrap(e, source);
    }
  }

  /**
   * What keras4j lets out of a file operation: one of the documented unchecked types, naming the file. jhdf reports
   * damaged files with its own exceptions and wrongly typed config values surface as ClassCastException,
   * NullPointerException or ArithmeticException; those become IllegalArgumentExceptions with the file and the cause.
   */
  static RuntimeException wrap(RuntimeException e, String source) {
    if (e.getClass().getPackageName().startsWith("io.jhdf")) {
      return Hdf5.corrupt(source, e);
    }
    String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    boolean named = msg.contains(source) || msg.contains(fileName(Path.of(source)));
    if (e instanceof java.io.UncheckedIOException u) {
      return named ? e : new java.io.UncheckedIOException(source + ": " + msg, u.getCause());
    }
    if (e instanceof IllegalStateException) {
      return named ? e : new IllegalStateException(source + ": " + msg, e);
    }
    if (e instanceof UnsupportedOperationException) {
      return named ? e : new UnsupportedOperationException(source + ": " + msg, e);
    }
    if (e instanceof IllegalArgumentException) {
      return named ? e : new IllegalArgumentException(source + ": " + msg, e);
    }
    return new IllegalArgumentException(source + " cannot be read: " + e.getClass().getSimpleName() + ": " + msg, e);
  }

  /** A failed write: the file named, the cause kept; jhdf's writer exceptions (a full disk) become I/O errors. */
  static RuntimeException wrapWrite(RuntimeException e, Path path) {
    String source = path.toString();
    if (e.getClass().getPackageName().startsWith("io.jhdf")) {
      Throwable c = e.getCause() != null ? e.getCause() : e;
      java.io.IOException io = c instanceof java.io.IOException x ? x : new java.io.IOException(c.getMessage(), c);
      return new java.io.UncheckedIOException("Cannot write " + source + ": " + (io.getMessage() == null
          ? e.getMessage() : io.getMessage()), io);
    }
    return wrap(e, source);
  }

  /** {@code model.to_json()} in Keras 3's dialect (tf.keras 2.x's with {@code keras2 = true}). */
  public static String toJson(Model model) {
    return toJson(model, false);
  }

  /** {@code model.to_json()}; {@code keras2} writes tf.keras 2.x's dialect. */
  public static String toJson(Model model, boolean keras2) {
    ModelConfigWriter w = new ModelConfigWriter(keras2 ? ModelConfigWriter.Dialect.KERAS_2 : ModelConfigWriter.Dialect.KERAS_3);
    Map<String, Object> c = w.model(model);
    if (keras2) {
      c.put("keras_version", LegacyH5Format.KERAS_VERSION);
      c.put("backend", "tensorflow");
    }
    return Json.write(c);
  }

  /** {@code model_from_json}: either dialect; the Keras version recorded in the JSON decides hard_sigmoid. */
  public static Model fromJson(String json) {
    return fromJson(json, "the JSON config");
  }

  /** {@code model_from_json}, naming {@code source} (e.g. the file the JSON came from) in errors. */
  public static Model fromJson(String json, String source) {
    try {
      Map<String, Object> root = Json.parseObject(json, source);
      String version = root.get("keras_version") instanceof String s ? s : null;
      return new ModelConfigReader(source,
          version == null ? Backend.compatibility() : keras4j.backend.Compatibility.ofVersion(version)).read(root);
    } catch (RuntimeException e) {
      throw wrap(e, source);
    }
  }
}
