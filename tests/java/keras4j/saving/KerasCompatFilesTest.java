package keras4j.saving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import keras4j.backend.Backend;
import keras4j.backend.Compatibility;
import keras4j.models.Fit;
import keras4j.models.Model;
import keras4j.models.Models;
import keras4j.testing.IoFile;
import keras4j.testing.KerasFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * Files of older Keras that Keras 3.15.1 loads (tests/python/fixtures/make_compat_fixtures.py: files Keras 3.15.1
 * wrote, changed only where tf.keras 2.13 wrote differently, and checked by loading them in Keras 3.15.1).
 */
class KerasCompatFilesTest {
  @TempDir
  Path tmp;

  @AfterEach
  void clear() {
    Backend.setCompatibility(Compatibility.KERAS_3);
    Backend.clearSession();
  }

  private static KerasFixtures.Case kase(String name) {
    return KerasFixtures.all("compat").stream().filter(c -> c.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("missing fixture compat/" + name));
  }

  @Test
  void archiveWithTfKeras213WeightsLayoutLoads() throws IOException {
    KerasFixtures.Case c = kase("tfkeras213_archive_layout");
    Path weights = tmp.resolve("w.h5");
    try (ZipFile z = new ZipFile(c.dir().resolve("model.keras").toFile())) {
      Files.write(weights, z.getInputStream(z.getEntry("model.weights.h5")).readAllBytes());
    }
    try (HdfFile f = new HdfFile(weights)) {
      assertNull(f.getChild("layers"), "the fixture must keep its layers only in tf.keras 2.13's group");
      assertNotNull(f.getChild("_layer_checkpoint_dependencies"));
    }
    try (Model m = c.load("keras")) {
      FloatNdArray y = m.predictAll(c.x(), Fit.verbose(0)).get(0);
      double diff = IoFile.maxAbsDiff(y, c.y().get(0));
      assertTrue(diff <= 1e-5, "outputs differ from Keras 3.15.1's by " + diff);
    }
  }

  @Test
  void customAdamLoadsCompiledAsKeras3MapsIt() throws IOException {
    KerasFixtures.Case c = kase("custom_adam_training_config");
    Map<String, Object> keras = Json.parseObject(Files.readString(c.dir().resolve("keras_reads.json")), "keras_reads");
    try (HdfFile f = new HdfFile(c.dir().resolve("model.h5"))) {
      assertTrue(Hdf5.string(f, "training_config").contains("\"Custom>Adam\""));
    }
    try (Model m = c.load("h5")) {
      assertEquals(keras.get("compiled"), m.compiled(), "Keras 3.15.1 loads this file compiled");
      Map<String, Object> cfg = m.optimizer().getConfig();
      assertEquals(keras.get("optimizer_class"), m.optimizer().className());
      for (String k : List.of("learning_rate", "beta_1", "beta_2", "epsilon")) {
        assertEquals(((Number) keras.get(k)).doubleValue(), ((Number) cfg.get(k)).doubleValue(), 1e-7, k);
      }
      assertEquals(keras.get("amsgrad"), cfg.get("amsgrad"));
      assertEquals(keras.get("loss"), m.loss().kerasName());
      double diff = IoFile.maxAbsDiff(m.predictAll(c.x(), Fit.verbose(0)).get(0), c.y().get(0));
      assertTrue(diff <= 1e-5, "outputs differ from Keras 3.15.1's by " + diff);
    }
  }

  @Test
  void customAdamKeepsRecordedSettingsUnderTfKeras2Compatibility() {
    KerasFixtures.Case c = kase("custom_adam_training_config");
    Backend.setCompatibility(Compatibility.TF_KERAS_2);
    try (Model m = c.load("h5")) {
      assertTrue(m.compiled());
      Map<String, Object> cfg = m.optimizer().getConfig();
      assertEquals(0.0025, ((Number) cfg.get("learning_rate")).doubleValue(), 1e-7);
      assertEquals(0.8, ((Number) cfg.get("beta_1")).doubleValue(), 1e-7);
      assertEquals(0.99, ((Number) cfg.get("beta_2")).doubleValue(), 1e-7);
    }
  }
}
