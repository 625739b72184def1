package keras4j.regularizers;

import static keras4j.models.Fit.batchSize;
import static keras4j.models.Fit.epochs;
import static keras4j.models.Fit.shuffle;
import static keras4j.models.Fit.verbose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import keras4j.backend.Backend;
import keras4j.constraints.MaxNorm;
import keras4j.constraints.MinMaxNorm;
import keras4j.constraints.NonNeg;
import keras4j.constraints.UnitNorm;
import keras4j.layers.ActivityRegularization;
import keras4j.layers.Conv2D;
import keras4j.layers.Dense;
import keras4j.layers.Flatten;
import keras4j.layers.Input;
import keras4j.layers.KerasTensor;
import keras4j.models.History;
import keras4j.models.Model;
import keras4j.optimizers.SGD;
import keras4j.saving.Json;
import keras4j.testing.KerasPython;
import keras4j.utils.Np;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * Keras 3.15.1 loads the .keras and .h5 files keras4j writes for models with every regularizer and constraint, finds
 * them in the configs, and trains them to the weights keras4j reaches from the same start.
 */
class KerasLoadsRegularizedModelsTest {
  @TempDir
  static Path dir;

  @AfterAll
  static void clear() {
    Backend.clearSession();
  }

  @Test
  @SuppressWarnings("unchecked")
  void kerasLoadsAndTrainsWhatKeras4jSaved() throws IOException {
    Backend.setRandomSeed(11);
    KerasTensor in = Input.shape(5, 5, 1);
    KerasTensor h = new Conv2D(2, 3, 3).activation("relu").kernelRegularizer(new L2(0.01))
        .kernelConstraint(new MinMaxNorm(0.2, 0.9, 0.7, 0, 1, 2)).biasRegularizer(new L1(0.02)).name("conv")
        .apply(in);
    h = new Flatten().apply(h);
    h = new Dense(6, "tanh").kernelRegularizer(new L1L2(0.01, 0.02)).activityRegularizer(new L1(0.01))
        .kernelConstraint(new MaxNorm(0.8)).biasConstraint(new NonNeg()).name("d1").apply(h);
    h = new ActivityRegularization(0.01, 0.0).name("act").apply(h);
    KerasTensor out = new Dense(3).kernelRegularizer(new OrthogonalRegularizer(0.1, "rows"))
        .kernelConstraint(new UnitNorm(0)).name("d2").apply(h);
    Model m = new Model(in, out);
    FloatNdArray x = CustomData.normal(7, 8, 5, 5, 1);
    FloatNdArray y = CustomData.normal(8, 8, 3);
    m.save(dir.resolve("m.keras"));
    m.save(dir.resolve("m.h5"));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("x", CustomData.list(x));
    data.put("x_shape", List.of(8, 5, 5, 1));
    data.put("y", CustomData.list(y));
    data.put("y_shape", List.of(8, 3));
    data.put("epochs", 2);
    data.put("batch_size", 3);
    data.put("lr", 0.05);
    Path dataFile = dir.resolve("data.json");
    Files.writeString(dataFile, Json.write(data));
    String out1 = KerasPython.run(Path.of("tests/python/load_and_train.py"), 600, dataFile.toString(),
        dir.resolve("m.keras").toString(), dir.resolve("m.h5").toString());
    Map<String, Object> keras = Json.parseObject(out1.substring(out1.indexOf('{')), "load_and_train.py");

    m.compile(new SGD(0.05), "mse");
    History hist = m.fit(x, y, epochs(2), batchSize(3), shuffle(false), verbose(0));
    List<FloatNdArray> ws = m.getWeights();
    for (String f : List.of("m.keras", "m.h5")) {
      Map<String, Object> r = (Map<String, Object>) keras.get(f);
      Map<String, Object> kinds = (Map<String, Object>) r.get("kinds");
      assertEquals(Map.of("kernel_regularizer", "L2", "bias_regularizer", "L1", "kernel_constraint", "MinMaxNorm"),
          kinds.get("conv"), f);
      assertEquals(Map.of("kernel_regularizer", "L1L2", "activity_regularizer", "L1", "kernel_constraint", "MaxNorm",
          "bias_constraint", "NonNeg"), kinds.get("d1"), f);
      assertEquals(Map.of("kernel_regularizer", "OrthogonalRegularizer", "kernel_constraint", "UnitNorm"),
          kinds.get("d2"), f);
      List<Object> kh = (List<Object>) r.get("history");
      for (int e = 0; e < kh.size(); e++) {
        double k = ((Number) kh.get(e)).doubleValue();
        double j = hist.history().get("loss").get(e);
        assertTrue(Math.abs(k - j) <= 1e-5 * Math.abs(k), f + " epoch " + e + ": Keras " + k + ", keras4j " + j);
      }
      List<Object> kw = (List<Object>) r.get("weights");
      for (int i = 0; i < kw.size(); i++) {
        List<Object> expected = (List<Object>) kw.get(i);
        float[] actual = Np.toFloatArray(ws.get(i));
        for (int k = 0; k < actual.length; k++) {
          assertEquals(((Number) expected.get(k)).doubleValue(), actual[k], 1e-4, f + " weight " + i + "[" + k + "]");
        }
      }
    }
  }
}
