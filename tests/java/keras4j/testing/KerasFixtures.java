package keras4j.testing;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import keras4j.models.Model;
import keras4j.models.Models;
import keras4j.saving.Hdf5;
import keras4j.saving.Json;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArrays;

/**
 * The parity fixtures real Keras made ({@code tests/python/fixtures/make_fixtures.py}), committed under
 * {@code tests/keras-fixtures/MODULE/CASE/}: the model in each format Keras wrote, a fixed input and Keras's
 * outputs.
 */
public final class KerasFixtures {
  private KerasFixtures() {}

  /** The committed fixture root. */
  public static Path root() {
    return Path.of("tests", "keras-fixtures").toAbsolutePath();
  }

  /** One fixture case. */
  public record Case(String module, String name, Path dir, List<String> formats, int inputs, int outputs,
      double atol, String kerasVersion, String notes) {

    /** Keras's inputs, x0, x1, ... */
    public List<FloatNdArray> x() {
      return arrays("x", inputs);
    }

    /** Keras's outputs, y0, y1, ... */
    public List<FloatNdArray> y() {
      return arrays("y", outputs);
    }

    private List<FloatNdArray> arrays(String prefix, int n) {
      List<FloatNdArray> out = new ArrayList<>();
      try (HdfFile f = new HdfFile(dir.resolve("io.h5"))) {
        for (int i = 0; i < n; i++) {
          FloatNdArray a = Hdf5.floats((Dataset) f.getDatasetByPath(prefix + i));
          FloatNdArray c = NdArrays.ofFloats(a.shape());
          a.copyTo(c);
          out.add(c);
        }
      }
      return out;
    }

    /** Loads the model as a user would from one format: keras, h5, or weights.h5 (with model.json). */
    public Model load(String format) {
      try {
        switch (format) {
          case "keras":
            return Models.load(dir.resolve("model.keras"));
          case "h5":
            return Models.load(dir.resolve("model.h5"));
          case "weights.h5": {
            Model m = Models.fromJson(Files.readString(dir.resolve("model.json")));
            m.loadWeights(dir.resolve("model.weights.h5"));
            return m;
          }
          default:
            throw new IllegalArgumentException("unknown fixture format " + format);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The loadable formats Keras wrote ("json" is only read together with "weights.h5"). */
    public List<String> modelFormats() {
      List<String> out = new ArrayList<>(formats);
      out.remove("json");
      if (!formats.contains("json")) {
        out.remove("weights.h5");
      }
      return out;
    }

    @Override
    public String toString() {
      return module + "/" + name;
    }
  }

  /** Every committed case, in name order; {@code modules} restricts to those modules (none: all). */
  public static List<Case> all(String... modules) {
    Path root = root();
    if (!Files.isDirectory(root)) {
      throw new IllegalStateException("The Keras fixtures are missing at " + root);
    }
    List<Case> out = new ArrayList<>();
    try (Stream<Path> s = Files.walk(root, 3)) {
      for (Path p : s.filter(p -> p.getFileName().toString().equals("case.json")).sorted().toList()) {
        Case c = read(p);
        if (modules.length == 0 || List.of(modules).contains(c.module())) {
          out.add(c);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Case read(Path caseJson) throws IOException {
    Map<String, Object> m = Json.parseObject(Files.readString(caseJson), caseJson.toString());
    return new Case((String) m.get("module"), (String) m.get("name"), caseJson.getParent(),
        List.copyOf((List<String>) m.get("formats")), ((Number) m.get("inputs")).intValue(),
        ((Number) m.get("outputs")).intValue(), ((Number) m.get("atol")).doubleValue(),
        (String) m.get("keras_version"), (String) m.get("notes"));
  }
}
