package keras4j.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import keras4j.backend.Backend;
import keras4j.layers.Conv2D;
import keras4j.layers.Dense;
import keras4j.layers.Input;
import keras4j.layers.KerasTensor;
import keras4j.models.Fit;
import keras4j.models.History;
import keras4j.models.Model;
import keras4j.models.Models;
import keras4j.utils.AtomicWrite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;

/** Issue 12's bad calls and files: each is a documented unchecked exception naming the cause, never a JVM abort. */
class BadCallsTest {
  @TempDir
  Path tmp;

  @BeforeEach
  void fresh() {
    Backend.clearSession();
  }

  @AfterAll
  static void clear() {
    Backend.clearSession();
  }

  static Model small() {
    KerasTensor in = Input.shape(4);
    Model m = new Model(in, new Dense(2, "sigmoid").apply(in));
    m.compile("adam", "mse");
    return m;
  }

  @Test
  void weightSizesOverflowingTensorFlowsCountAreRefusedBeforeTensorFlowSeesThem() {
    KerasTensor in = Input.shape(1L << 33);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Dense(Integer.MAX_VALUE).apply(in));
    assertTrue(e.getMessage().contains("dense") && e.getMessage().contains("8589934592"), e.getMessage());
    KerasTensor img = Input.shape(8, 8, 1);
    e = assertThrows(IllegalArgumentException.class,
        () -> new Conv2D(65536, 65536, 65536).apply(img));
    assertTrue(e.getMessage().contains("conv2d"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Input.shape(1L << 40, 1L << 40));
    assertTrue(e.getMessage().contains("overflows"), e.getMessage());
  }

  @Test
  void aConfigAskingForAnOverflowingWeightNamesTheLayerAndValue() throws Exception {
    String json = Files.readString(Path.of("tests/keras-fixtures/core/dense_relu/model.json"))
        .replace("\"batch_shape\": [null, 5]", "\"batch_shape\": [null, 1099511627776]")
        .replace("\"units\": 4", "\"units\": 16777216");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Models.fromJson(json));
    assertTrue(e.getMessage().contains("dense") && e.getMessage().contains("1099511627776"), e.getMessage());
    Path keras = tmp.resolve("big.keras");
    Files.copy(Path.of("tests/keras-fixtures/core/dense_relu/model.keras"), keras);
    Path bad = tmp.resolve("bad.keras");
    java.util.Map<String, byte[]> entries = FuzzTest.unzip(Files.readAllBytes(keras));
    entries.put("config.json", new String(entries.get("config.json")).replace("\"units\": 4", "\"units\": 16777216")
        .replace("[null, 5]", "[null, 1099511627776]").getBytes());
    Files.write(bad, FuzzTest.zip(entries));
    e = assertThrows(IllegalArgumentException.class, () -> Models.load(bad));
    assertTrue(e.getMessage().contains("bad.keras") && e.getMessage().contains("dense"), e.getMessage());
  }

  @Test
  void aHugeEntryOfZerosIsRefusedWithoutReadingIt() throws Exception {
    java.util.Map<String, byte[]> entries = FuzzTest.unzip(
        Files.readAllBytes(Path.of("tests/keras-fixtures/core/dense_relu/model.keras")));
    entries.put("model.weights.h5", new byte[200 << 20]);
    Path bomb = tmp.resolve("bomb.keras");
    Files.write(bomb, FuzzTest.zip(entries));
    assertTrue(Files.size(bomb) < 2 << 20, "compressed size " + Files.size(bomb));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Models.load(bomb));
    assertTrue(e.getMessage().contains("bomb.keras") && e.getMessage().contains("zip bomb"), e.getMessage());
  }

  @Test
  void aBatchLargerThanTheDataTrainsAndEvaluatesOnce() {
    Model m = small();
    FloatNdArray x = NdArrays.ofFloats(Shape.of(8, 4));
    x.scalars().forEachIndexed((i, s) -> s.setFloat(i[0] * 0.1f + i[1]));
    FloatNdArray y = NdArrays.ofFloats(Shape.of(8, 2));
    History h = m.fit(x, y, Fit.epochs(2), Fit.batchSize(Integer.MAX_VALUE), Fit.verbose(0));
    assertEquals(2, h.history().get("loss").size());
    assertTrue(h.history().get("loss").get(1) < h.history().get("loss").get(0), "trained: " + h.history());
    double loss = m.evaluate(x, y, Fit.batchSize(Integer.MAX_VALUE), Fit.verbose(0));
    assertTrue(Double.isFinite(loss));
  }

  @Test
  void aTargetOfTheWrongShapeIsNamed() {
    Model m = small();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> m.fit(NdArrays.ofFloats(Shape.of(4, 4)), NdArrays.ofFloats(Shape.of(4, 3)), Fit.verbose(0)));
    assertTrue(e.getMessage().contains("(None, 2)") && e.getMessage().contains("(4, 3)"), e.getMessage());
  }

  @Test
  void aDirectoryIsNotAModelFile() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Models.load(tmp));
    assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> small().loadWeights(tmp));
    assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
  }

  @Test
  void leftOversOfInterruptedSavesAreCleanedSafely() throws Exception {
    Path target = tmp.resolve("m.keras");
    Path staleMain = tmp.resolve(".m.keras.abc123.tmp");
    Path staleWeights = tmp.resolve(".m.keras.weights.h5.zz9.tmp");
    Path fresh = tmp.resolve(".m.keras.fresh1.tmp");
    Path other = tmp.resolve(".other.keras.abc123.tmp");
    for (Path p : new Path[] {staleMain, staleWeights, fresh, other}) {
      Files.writeString(p, "partial");
    }
    FileTime old = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
    for (Path p : new Path[] {staleMain, staleWeights, other}) {
      Files.setLastModifiedTime(p, old);
    }
    small().save(target);
    assertTrue(Files.exists(target));
    assertFalse(Files.exists(staleMain));
    assertFalse(Files.exists(staleWeights));
    assertTrue(Files.exists(fresh), "a write in progress elsewhere is left alone");
    assertTrue(Files.exists(other), "another target's files are left alone");
    assertEquals(0, AtomicWrite.cleanStale(target));
  }

  @Test
  void aModelFromAClearedSessionSaysSo() {
    Model m = small();
    Backend.clearSession();
    KerasTensor in = Input.shape(4);
    Model outer = new Model(in, m.apply(in));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> outer.predict(NdArrays.ofFloats(Shape.of(2, 4)), Fit.verbose(0)));
    assertTrue(e.getMessage().contains("clearSession"), e.getMessage());
  }
}
