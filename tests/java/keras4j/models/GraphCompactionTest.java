package keras4j.models;

import static keras4j.models.Fit.batchSize;
import static keras4j.models.Fit.epochs;
import static keras4j.models.Fit.verbose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import keras4j.backend.Backend;
import keras4j.backend.Context;
import keras4j.backend.KerasVariable;
import keras4j.layers.Dense;
import keras4j.layers.Input;
import keras4j.layers.KerasTensor;
import keras4j.optimizers.Adam;
import keras4j.utils.Np;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;

/**
 * Closing models gives their part of the backend graph back (the context compacts its graph) while Keras's
 * semantics hold: shared layers keep their weights, training continues exactly, files round-trip. The graph's op
 * count is the deterministic measure here; {@code keras4j.bench.SoakBench} prints RSS.
 */
class GraphCompactionTest {
  @TempDir
  Path tmp;

  @AfterEach
  void clear() {
    Backend.clearSession();
  }

  private static FloatNdArray random(long rows, long cols, long seed) {
    Random r = new Random(seed);
    float[] d = new float[(int) (rows * cols)];
    for (int i = 0; i < d.length; i++) {
      d[i] = r.nextFloat();
    }
    return Np.array(d, rows, cols);
  }

  private static float[] flat(FloatNdArray a) {
    float[] out = new float[(int) a.shape().size()];
    a.copyTo(org.tensorflow.ndarray.buffer.DataBuffers.of(out, false, false));
    return out;
  }

  private static void assertSame(List<FloatNdArray> a, List<FloatNdArray> b, String what) {
    assertEquals(a.size(), b.size(), what);
    for (int i = 0; i < a.size(); i++) {
      assertArrayEquals(flat(a.get(i)), flat(b.get(i)), 0f, what + " " + i);
    }
  }

  @Test
  void buildFitCloseLoopKeepsTheGraphBounded() {
    Backend.setRandomSeed(3);
    Context ctx = Backend.context();
    FloatNdArray x = random(64, 16, 1);
    FloatNdArray y = random(64, 8, 2);
    long firstCycle = 0;
    long peak = 0;
    int cycles = 40;
    for (int c = 0; c < cycles; c++) {
      KerasTensor in = Input.shape(16);
      try (Model m = new Model(in, new Dense(8, "sigmoid").apply(new Dense(32, "relu").apply(in)))) {
        m.compile("adam", "mse");
        m.fit(x, y, epochs(1), batchSize(16), verbose(0));
        if (c == 0) {
          firstCycle = ctx.opCount();
        }
      }
      peak = Math.max(peak, ctx.opCount());
    }
    System.out.printf("build+fit+close x%d: one cycle %d ops, peak %d ops, %d compactions%n", cycles, firstCycle, peak,
        ctx.compactions());
    assertTrue(ctx.compactions() > 0, "the graph was never compacted");
    // Without compaction the graph holds cycles * firstCycle ops (40 x ~800): bounded by the threshold plus a cycle.
    assertTrue(peak <= 1000 + 2 * firstCycle, "peak " + peak + " ops for cycles of " + firstCycle);
  }

  @Test
  void loadPredictCloseLoopKeepsTheGraphBoundedAndTheNumbers() {
    // the fixture is tiny (a dozen ops): a lower threshold makes the loop compact within 60 cycles
    System.setProperty("keras4j.compactMinOps", "200");
    try {
      loadPredictClose();
    } finally {
      System.clearProperty("keras4j.compactMinOps");
    }
  }

  private void loadPredictClose() {
    Path file = Path.of("tests/keras-fixtures/core/dense_relu/model.keras");
    Context ctx = Backend.context();
    FloatNdArray x = null;
    List<FloatNdArray> first = null;
    long peak = 0;
    long oneCycle = 0;
    int cycles = 60;
    for (int c = 0; c < cycles; c++) {
      try (Model m = Models.load(file)) {
        if (x == null) {
          long[] s = m.inputShapes().get(0).clone();
          s[0] = 4;
          x = random(s[0], s[1], 5);
        }
        List<FloatNdArray> out = m.predictAll(List.of(x), verbose(0));
        if (first == null) {
          first = out;
          oneCycle = ctx.opCount();
        } else {
          assertSame(first, out, "cycle " + c);
        }
      }
      peak = Math.max(peak, ctx.opCount());
    }
    System.out.printf("load+predict+close x%d: one cycle %d ops, peak %d ops, %d compactions%n", cycles, oneCycle,
        peak, ctx.compactions());
    assertTrue(ctx.compactions() > 0, "the graph was never compacted");
    assertTrue(peak <= 200 + 2 * oneCycle, "peak " + peak + " ops for cycles of " + oneCycle);
  }

  @Test
  void predictWithVaryingBatchSizesDoesNotGrowTheGraph() {
    KerasTensor in = Input.shape(6);
    Model m = new Model(in, new Dense(3).apply(new Dense(5, "tanh").apply(in)));
    m.predict(random(3, 6, 1), verbose(0));
    long ops = Backend.context().opCount();
    Random r = new Random(2);
    for (int i = 0; i < 50; i++) {
      m.predict(random(1 + r.nextInt(40), 6, i), Fit.batchSize(1 + r.nextInt(16)), verbose(0));
    }
    assertEquals(ops, Backend.context().opCount());
  }

  @Test
  void encoderKeepsItsNumbersWhenTheAutoencoderIsClosedAndTheGraphCompacted() {
    Backend.setRandomSeed(7);
    KerasTensor in = Input.shape(12);
    KerasTensor code = new Dense(4, "relu").apply(in);
    Model encoder = new Model(in, code);
    Model autoencoder = new Model(in, new Dense(12, "sigmoid").apply(code));
    FloatNdArray x = random(32, 12, 3);
    autoencoder.compile("adam", "binary_crossentropy");
    autoencoder.fit(x, x, epochs(2), batchSize(8), verbose(0));
    FloatNdArray before = encoder.predict(x, verbose(0));
    List<FloatNdArray> weights = encoder.getWeights();
    Context ctx = Backend.context();
    int generation = ctx.generation();
    autoencoder.close();
    ctx.compact();
    assertNotEquals(generation, ctx.generation(), "compact() swaps the graph");
    assertEquals(0, ctx.opCount(), "nothing is traced again before it is used");
    assertSame(weights, encoder.getWeights(), "encoder weights read while parked");
    assertSame(List.of(before), List.of(encoder.predict(x, verbose(0))), "encoder predictions");
    // the closed autoencoder is still usable, with the trained weights
    assertTrue(autoencoder.evaluate(x, x, verbose(0)) > 0);
  }

  private static Model smallModel() {
    KerasTensor in = Input.shape(10);
    return new Model(in, new Dense(3, "softmax").apply(new Dense(16, "relu").apply(in)));
  }

  /** Trains 2 + 2 epochs (shuffled), compacting in between or not; returns weights and optimizer state. */
  private static List<FloatNdArray> trainTwice(boolean compactBetween) {
    Backend.clearSession();
    Backend.setRandomSeed(11);
    FloatNdArray x = random(48, 10, 4);
    FloatNdArray y = random(48, 3, 5);
    Model m = smallModel();
    Adam adam = new Adam(0.01);
    m.compile(adam, "categorical_crossentropy");
    m.fit(x, y, epochs(2), batchSize(8), verbose(0));
    if (compactBetween) {
      m.close();
      assertTrue(Backend.context().compact());
      // both the model's weights and the optimizer's slots are parked now
      assertEquals(0, Backend.context().opCount());
    }
    m.fit(x, y, epochs(2), batchSize(8), verbose(0));
    List<FloatNdArray> out = new ArrayList<>(m.getWeights());
    for (KerasVariable v : adam.variables()) {
      out.add(v.numpy());
    }
    return out;
  }

  @Test
  void trainingAfterACompactionContinuesExactlyAsWithout() {
    List<FloatNdArray> plain = trainTwice(false);
    List<FloatNdArray> compacted = trainTwice(true);
    assertEquals(4 + 2 + 2 * 4, plain.size(), "4 weights, iterations, learning rate, 2 slots per weight");
    assertEquals(24f, flat(plain.get(4))[0], "iterations: 4 epochs of 6 batches");
    assertSame(plain, compacted, "weights and Adam state");
  }

  @Test
  void aLayerOfAClosedModelKeepsItsWeightsInANewModel() {
    Backend.setRandomSeed(5);
    Dense shared = new Dense(6, "tanh");
    KerasTensor in = Input.shape(5);
    Model a = new Model(in, shared.apply(in));
    FloatNdArray x = random(7, 5, 9);
    FloatNdArray fromA = a.predict(x, verbose(0));
    List<FloatNdArray> w = shared.getWeights();
    a.close();
    Backend.context().compact();
    KerasTensor in2 = Input.shape(5);
    Model b = new Model(in2, shared.apply(in2));
    assertSame(w, shared.getWeights(), "weights of the reused layer");
    assertSame(List.of(fromA), List.of(b.predict(x, verbose(0))), "predictions through the reused layer");
    // a weight set while parked is the one the graph gets back
    b.close();
    Backend.context().compact();
    List<FloatNdArray> zeros = List.of(NdArrays.ofFloats(Shape.of(5, 6)), NdArrays.ofFloats(Shape.of(6)));
    shared.setWeights(zeros);
    assertArrayEquals(new float[7 * 6], flat(b.predict(x, verbose(0))), 0f);
  }

  @Test
  void saveAndLoadAfterACompaction() throws Exception {
    Backend.setRandomSeed(2);
    Model m = smallModel();
    m.compile(new Adam(0.01), "categorical_crossentropy");
    FloatNdArray x = random(16, 10, 1);
    m.fit(x, random(16, 3, 2), epochs(1), batchSize(4), verbose(0));
    FloatNdArray expected = m.predict(x, verbose(0));
    m.close();
    Backend.context().compact();
    Path parked = tmp.resolve("parked.keras");
    m.save(parked);
    Path h5 = tmp.resolve("parked.h5");
    m.save(h5);
    assertTrue(Files.size(parked) > 0 && Files.size(h5) > 0);
    try (Model k = Models.load(parked); Model h = Models.load(h5)) {
      assertSame(List.of(expected), List.of(k.predict(x, verbose(0))), ".keras written while parked");
      assertSame(List.of(expected), List.of(h.predict(x, verbose(0))), ".h5 written while parked");
      assertEquals(m.optimizer().iterations(), k.optimizer().iterations());
      k.close();
      h.close();
      Backend.context().compact();
      Path again = tmp.resolve("again.keras");
      k.save(again);
      try (Model k2 = Models.load(again)) {
        assertSame(List.of(expected), List.of(k2.predict(x, verbose(0))), "loaded, compacted, saved, loaded");
      }
    }
  }

  @Test
  void noCompactionWhileAModelIsPredicting() {
    KerasTensor in = Input.shape(4);
    Model keeper = new Model(in, new Dense(2).apply(in));
    FloatNdArray x = random(64, 4, 1);
    FloatNdArray expected = keeper.predict(x, verbose(0));
    Context ctx = Backend.context();
    List<Integer> generations = new ArrayList<>();
    // a callback closes another model and asks for a compaction in the middle of predict: deferred to its end
    KerasTensor in2 = Input.shape(4);
    Model other = new Model(in2, new Dense(2).apply(in2));
    other.predict(x, verbose(0));
    FloatNdArray got = keeper.predict(x, batchSize(8), verbose(0), Fit.callbacks(new keras4j.callbacks.Callback() {
      @Override
      public void onPredictBatchEnd(int batch, java.util.Map<String, Double> logs) {
        if (batch == 2) {
          other.close();
          assertTrue(!ctx.compact(), "compaction is deferred while predict runs");
        }
        generations.add(ctx.generation());
      }
    }));
    assertSame(List.of(expected), List.of(got), "predictions");
    assertEquals(1, generations.stream().distinct().count(), "one generation during predict: " + generations);
    assertNotEquals(generations.get(0), ctx.generation(), "the deferred compaction ran at the end");
  }

  @Test
  void modelsDroppedWithoutCloseAreReclaimedOnceCollected() {
    Context ctx = Backend.context();
    FloatNdArray x = random(32, 16, 1);
    FloatNdArray y = random(32, 8, 2);
    long peak = 0;
    long firstCycle = 0;
    for (int c = 0; c < 40; c++) {
      KerasTensor in = Input.shape(16);
      Model m = new Model(in, new Dense(8).apply(new Dense(32, "relu").apply(in)));
      m.compile("sgd", "mse");
      m.fit(x, y, epochs(1), batchSize(16), verbose(0));
      if (c == 0) {
        firstCycle = ctx.opCount();
      }
      peak = Math.max(peak, ctx.opCount());
      if (c % 5 == 4) {
        System.gc();
      }
    }
    System.out.printf("build+fit, never closed, x40: one cycle %d ops, peak %d ops, %d compactions%n", firstCycle, peak,
        ctx.compactions());
    assertTrue(ctx.compactions() > 0, "the graph was never compacted");
    assertTrue(peak < 40 * firstCycle / 2, "peak " + peak + " ops for cycles of " + firstCycle);
  }

  @Test
  void aFittedNearestNeighboursSearchSurvivesACompaction() {
    float[] rows = new float[40 * 3];
    int[] labels = new int[40];
    Random r = new Random(4);
    for (int i = 0; i < 40; i++) {
      labels[i] = i % 3;
      for (int j = 0; j < 3; j++) {
        rows[i * 3 + j] = labels[i] * 2 + r.nextFloat();
      }
    }
    try (keras4j.neighbors.KNeighborsClassifier knn = new keras4j.neighbors.KNeighborsClassifier(3)) {
      knn.fit(Np.array(rows, 40, 3), labels);
      FloatNdArray q = Np.array(java.util.Arrays.copyOf(rows, 30), 10, 3);
      keras4j.neighbors.KNeighborsClassifier.Neighbors before = knn.kneighbors(q);
      Backend.context().compact();
      assertEquals(0, Backend.context().opCount());
      keras4j.neighbors.KNeighborsClassifier.Neighbors after = knn.kneighbors(q);
      for (int i = 0; i < 10; i++) {
        assertArrayEquals(before.indices()[i], after.indices()[i]);
        assertArrayEquals(before.distances()[i], after.distances()[i], 0f);
      }
    }
  }

  @Test
  void aModelIsNotCompactedAwayOnItsFirstCall() {
    // 150 Dense layers: 300 variables of 4 ops each, more than the threshold of unneeded ops, none traced yet
    Context ctx = Backend.context();
    KerasTensor in = Input.shape(2);
    KerasTensor x = in;
    for (int i = 0; i < 150; i++) {
      x = new Dense(2).apply(x);
    }
    Model m = new Model(in, x);
    assertTrue(ctx.opCount() > 1000, "ops before the first call: " + ctx.opCount());
    m.predict(random(3, 2, 1), verbose(0));
    assertEquals(0, ctx.compactions(), "the model being called counts as open");
  }
}
