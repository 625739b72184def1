package keras4j.saving;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import keras4j.models.Fit;
import keras4j.models.Model;
import keras4j.utils.Np;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * A model's self-check on load, as frugally-deep does it: a file of inputs and the outputs Keras computed (the
 * DL4J layout: root attributes {@code inputs}/{@code outputs} naming the data sets under {@code /inputs} and
 * {@code /predictions}) travels with the model; running it reports the worst difference.
 */
public final class SelfCheck {
  /** The outcome for one output. */
  public record Result(String output, double maxAbsDiff, double maxAbsExpected, double tolerance) {
    /** Whether the largest difference is within the tolerance. */
    public boolean passed() {
      return maxAbsDiff <= tolerance;
    }
  }

  private SelfCheck() {}

  /** The default tolerance: 1e-4 relative to {@code max(1, max|expected|)}. */
  public static final double DEFAULT_RELATIVE_TOLERANCE = 1e-4;

  /** Runs the model on the file's inputs and compares with its expected outputs. */
  public static List<Result> verify(Model model, Path ioFile) {
    return verify(model, ioFile, DEFAULT_RELATIVE_TOLERANCE);
  }

  /** As {@link #verify(Model, Path)} with a relative tolerance. */
  @SuppressWarnings("unchecked")
  public static List<Result> verify(Model model, Path ioFile, double relativeTolerance) {
    String source = ioFile.toString();
    List<FloatNdArray> inputs = new ArrayList<>();
    List<FloatNdArray> expected = new ArrayList<>();
    List<String> outNames;
    try (HdfFile f = Hdf5.open(ioFile)) {
      String in = Hdf5.string(f, "inputs");
      String out = Hdf5.string(f, "outputs");
      if (in == null || out == null) {
        throw new IllegalArgumentException(source + " is not an inputs-and-outputs file: it lacks the 'inputs' and "
            + "'outputs' root attributes");
      }
      List<String> inNames = (List<String>) Json.parseObject(in, source + " inputs").get("inputs");
      outNames = (List<String>) Json.parseObject(out, source + " outputs").get("outputs");
      for (String n : inNames) {
        inputs.add(dataset(f, "inputs", n, source));
      }
      for (String n : outNames) {
        expected.add(dataset(f, "predictions", n, source));
      }
    }
    if (inputs.size() != model.inputs().size() || expected.size() != model.outputs().size()) {
      throw new IllegalArgumentException(source + " has " + inputs.size() + " input(s) and " + expected.size()
          + " output(s); the model has " + model.inputs().size() + " and " + model.outputs().size());
    }
    List<FloatNdArray> actual = model.predictAll(inputs, Fit.verbose(0));
    List<Result> results = new ArrayList<>();
    for (int i = 0; i < expected.size(); i++) {
      FloatNdArray e = expected.get(i);
      FloatNdArray a = actual.get(i);
      if (!a.shape().equals(e.shape())) {
        throw new IllegalArgumentException("Output '" + outNames.get(i) + "': the model gives shape " + a.shape()
            + ", " + source + " expects " + e.shape());
      }
      float[] x = Np.toFloatArray(a);
      float[] y = Np.toFloatArray(e);
      double diff = 0;
      double max = 0;
      for (int k = 0; k < x.length; k++) {
        double d = Math.abs((double) x[k] - y[k]);
        diff = Double.isNaN(d) ? Double.NaN : Math.max(diff, d);
        max = Math.max(max, Math.abs(y[k]));
        if (Double.isNaN(diff)) {
          break;
        }
      }
      results.add(new Result(outNames.get(i), diff, max, relativeTolerance * Math.max(1.0, max)));
    }
    return results;
  }

  private static FloatNdArray dataset(HdfFile f, String group, String name, String source) {
    if (!(f.getChild(group) instanceof Group g) || !(g.getChild(name) instanceof Dataset ds)) {
      throw new IllegalArgumentException(source + " names '" + name + "' but has no data set /" + group + "/" + name);
    }
    FloatNdArray a = Hdf5.floats(ds);
    FloatNdArray copy = org.tensorflow.ndarray.NdArrays.ofFloats(a.shape());
    a.copyTo(copy);
    return copy;
  }

  /** Writes a self-check file for a model: these inputs and the model's outputs, in the same layout. */
  public static void write(Model model, List<FloatNdArray> inputs, Path ioFile) {
    List<FloatNdArray> outputs = model.predictAll(inputs, Fit.verbose(0));
    List<String> inNames = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      inNames.add(model.inputLayer(i).name());
    }
    List<String> outNames = new ArrayList<>();
    for (int i = 0; i < outputs.size(); i++) {
      outNames.add(model.outputs().get(i).layer().name());
    }
    Hdf5.writeAtomically(ioFile, root -> {
      Hdf5.putString(root, "inputs", Json.write(Map.of("inputs", inNames)));
      Hdf5.putString(root, "outputs", Json.write(Map.of("outputs", outNames)));
      Hdf5.putString(root, "source", "keras4j " + SavingApi.KERAS4J_VERSION);
      var ig = root.putGroup("inputs");
      for (int i = 0; i < inputs.size(); i++) {
        Hdf5.putFloats(ig, inNames.get(i), inputs.get(i));
      }
      var pg = root.putGroup("predictions");
      for (int i = 0; i < outputs.size(); i++) {
        Hdf5.putFloats(pg, outNames.get(i), outputs.get(i));
      }
    });
  }
}
