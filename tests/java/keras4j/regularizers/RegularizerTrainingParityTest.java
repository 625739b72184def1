package keras4j.regularizers;

import static keras4j.models.Fit.batchSize;
import static keras4j.models.Fit.epochs;
import static keras4j.models.Fit.shuffle;
import static keras4j.models.Fit.verbose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import keras4j.layers.Dense;
import keras4j.models.History;
import keras4j.models.Model;
import keras4j.models.Models;
import keras4j.optimizers.Adam;
import keras4j.optimizers.Optimizer;
import keras4j.optimizers.SGD;
import keras4j.saving.Json;
import keras4j.testing.KerasPython;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;

/**
 * Regularizers and constraints train as in Keras 3.15.1: real Keras saves each model untrained, trains it 3 epochs
 * (SGD or Adam, batch 4 over 10 samples, so the last batch is partial) and reports its losses and weights; keras4j
 * loads the same file (.keras and .h5), trains it the same way and must match (weights 1e-4, losses 1e-5 relative).
 */
class RegularizerTrainingParityTest {
  @TempDir
  static Path dir;
  static Map<String, Object> keras;

  @BeforeAll
  static void runKeras() {
    String out = KerasPython.run(Path.of("tests/python/regularizer_training.py"), 600, dir.toString());
    keras = Json.parseObject(out.substring(out.indexOf('{')), "regularizer_training.py");
  }

  @Test
  void denseWithL1L2OrthogonalActivityAndNormConstraintsTrainsAsKeras() {
    check("dense", "keras", new SGD(0.1));
    check("dense", "h5", new SGD(0.1));
  }

  @Test
  void convolutionsWithL2ActivityMinMaxNormNonNegTrainAsKeras() {
    check("conv", "keras", new Adam(0.01));
    check("conv", "h5", new Adam(0.01));
  }

  @Test
  void regularizersAreReadFromKerasFiles() {
    Model m = Models.load(dir.resolve("dense.keras"));
    Dense d1 = (Dense) m.getLayer("d1");
    assertEquals(0.01, ((L1L2) d1.weightRegularizer("kernel")).l1(), 1e-8);
    assertEquals(0.05, ((L2) d1.weightRegularizer("bias")).l2(), 1e-8);
    assertEquals(0.01, ((L1) d1.activityRegularizer()).l1(), 1e-8);
    assertTrue(m.getLayer("d3").weightConstraint("bias") instanceof keras4j.constraints.NonNeg);
  }

  private void check(String name, String format, Optimizer opt) {
    check(keras, dir, name, format, opt);
  }

  /** Loads {@code dir/name.format}, trains it as the script trained Keras's model, and compares. */
  @SuppressWarnings("unchecked")
  static void check(Map<String, Object> keras, Path dir, String name, String format, Optimizer opt) {
    Map<String, Object> c = (Map<String, Object>) keras.get(name);
    FloatNdArray x = array(c, "x");
    FloatNdArray y = array(c, "y");
    try (Model m = Models.load(dir.resolve(name + "." + format))) {
      m.compile(opt, "mse");
      String where = name + "." + format;
      close(num(c.get("initial_eval")), m.evaluate(x, y, batchSize(4)), 1e-5, where + " initial evaluate");
      History h = m.fit(x, y, epochs(3), batchSize(4), shuffle(false), verbose(0));
      List<Object> hist = (List<Object>) c.get("history");
      for (int e = 0; e < hist.size(); e++) {
        close(num(hist.get(e)), h.history().get("loss").get(e), 1e-5, where + " epoch " + e + " loss");
      }
      close(num(c.get("final_eval")), m.evaluate(x, y, batchSize(4)), 1e-5, where + " final evaluate");
      List<Object> ws = (List<Object>) c.get("weights");
      List<FloatNdArray> got = m.getWeights();
      assertEquals(ws.size(), got.size(), where + " weight count");
      double worstWeight = 0;
      double worstLoss = 0;
      for (int e = 0; e < hist.size(); e++) {
        double k = num(hist.get(e));
        worstLoss = Math.max(worstLoss, Math.abs(k - h.history().get("loss").get(e)) / Math.max(1e-3, Math.abs(k)));
      }
      for (int i = 0; i < ws.size(); i++) {
        List<Object> expected = (List<Object>) ws.get(i);
        float[] actual = new float[(int) got.get(i).size()];
        got.get(i).copyTo(DataBuffers.of(actual, false, false));
        for (int k = 0; k < actual.length; k++) {
          worstWeight = Math.max(worstWeight, Math.abs(num(expected.get(k)) - actual[k]));
          assertEquals(num(expected.get(k)), actual[k], 1e-4, where + " weight " + i + "[" + k + "]");
        }
      }
      System.out.printf("training parity %s: worst weight difference %.2e, worst epoch-loss relative difference %.2e%n",
          where, worstWeight, worstLoss);
    }
  }

  private static void close(double expected, double actual, double rel, String what) {
    assertTrue(Math.abs(expected - actual) <= rel * Math.max(1e-3, Math.abs(expected)),
        what + ": Keras " + expected + ", keras4j " + actual);
  }

  private static double num(Object o) {
    return ((Number) o).doubleValue();
  }

  @SuppressWarnings("unchecked")
  private static FloatNdArray array(Map<String, Object> c, String key) {
    List<Object> vals = (List<Object>) c.get(key);
    List<Object> dims = (List<Object>) c.get(key + "_shape");
    long[] shape = new long[dims.size()];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = ((Number) dims.get(i)).longValue();
    }
    float[] f = new float[vals.size()];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) num(vals.get(i));
    }
    FloatNdArray a = NdArrays.ofFloats(Shape.of(shape));
    a.copyFrom(DataBuffers.of(f, true, false));
    return a;
  }
}
