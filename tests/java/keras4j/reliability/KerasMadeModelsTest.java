package keras4j.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import keras4j.backend.Backend;
import keras4j.models.Fit;
import keras4j.models.Model;
import keras4j.models.Models;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;

/**
 * Defects found with files real Keras 3.15.1 made (tests/python/reliability/make_models.py): a model whose output is
 * its input, and several loads and fits of models in one JVM.
 */
class KerasMadeModelsTest {
  static final Path DIR = Path.of("tests", "keras-fixtures", "reliability");
  static Map<String, Object> io;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void read() throws Exception {
    Backend.clearSession();
    io = new com.fasterxml.jackson.databind.ObjectMapper().readValue(Files.readString(DIR.resolve("io.json")), Map.class);
  }

  @AfterAll
  static void clear() {
    Backend.clearSession();
  }

  @SuppressWarnings("unchecked")
  static FloatNdArray array(String key) {
    List<List<Number>> rows = (List<List<Number>>) io.get(key);
    FloatNdArray a = NdArrays.ofFloats(Shape.of(rows.size(), rows.get(0).size()));
    for (int i = 0; i < rows.size(); i++) {
      for (int j = 0; j < rows.get(i).size(); j++) {
        a.setFloat(rows.get(i).get(j).floatValue(), i, j);
      }
    }
    return a;
  }

  static void assertClose(FloatNdArray expected, FloatNdArray actual, double tol) {
    assertEquals(expected.shape(), actual.shape());
    expected.scalars().forEachIndexed((idx, s) -> assertEquals(s.getFloat(), actual.getFloat(idx), tol,
        "at " + java.util.Arrays.toString(idx)));
  }

  @Test
  void modelWhoseOutputIsItsInputPredicts() {
    for (String name : List.of("identity_dropout", "identity_linear")) {
      try (Model m = Models.load(DIR.resolve(name + ".keras"))) {
        FloatNdArray y = m.predict(array("x3"), Fit.verbose(0));
        assertClose(array(name), y, 1e-7);
        assertClose(array(name), m.predict(array("x3"), Fit.verbose(0)), 1e-7);
      }
    }
  }

  @Test
  void loadingAndFittingSeveralModelsInOneSession() {
    FloatNdArray x = array("x4");
    FloatNdArray y = NdArrays.ofFloats(Shape.of(2, 2));
    for (int i = 0; i < 3; i++) {
      try (Model m = Models.load(DIR.resolve("small_dense.keras"))) {
        assertClose(array("small_dense.keras"), m.predict(x, Fit.verbose(0)), 1e-6);
        double before = m.evaluate(x, y, Fit.verbose(0));
        m.fit(x, y, Fit.epochs(3), Fit.verbose(0));
        assertTrue(m.evaluate(x, y, Fit.verbose(0)) < before, "fit lowers the loss");
      }
    }
    try (Model m = Models.load(DIR.resolve("small_dense_2.keras"))) {
      assertEquals("functional_2", m.name());
      assertClose(array("small_dense_2.keras"), m.predict(x, Fit.verbose(0)), 1e-6);
      m.fit(x, y, Fit.epochs(2), Fit.verbose(0));
    }
  }
}
