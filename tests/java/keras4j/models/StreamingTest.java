package keras4j.models;

import static keras4j.models.Fit.batchSize;
import static keras4j.models.Fit.epochs;
import static keras4j.models.Fit.shuffle;
import static keras4j.models.Fit.steps;
import static keras4j.models.Fit.stepsPerEpoch;
import static keras4j.models.Fit.validationData;
import static keras4j.models.Fit.validationSteps;
import static keras4j.models.Fit.verbose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import keras4j.backend.Backend;
import keras4j.callbacks.ProgbarLogger;
import keras4j.layers.Dense;
import keras4j.layers.Input;
import keras4j.layers.KerasTensor;
import keras4j.optimizers.SGD;
import keras4j.testing.SyntheticDigits;
import keras4j.utils.Batch;
import keras4j.utils.NpyDataset;
import keras4j.utils.NpyWriter;
import keras4j.utils.Np;
import keras4j.utils.PyDataset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.index.Indices;

/** Streaming fit / evaluate / predict: Keras's PyDataset and generator semantics, and the same numbers as in memory. */
class StreamingTest {
  @TempDir
  Path dir;

  @AfterEach
  void clear() {
    Backend.clearSession();
  }

  /** A PyDataset of {@code n} batches of 2 rows whose values are the batch index; logs every call. */
  static final class Recording extends PyDataset {
    final int n;
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());

    Recording(int n, int workers) {
      super(workers, 3);
      this.n = n;
    }

    @Override
    public int len() {
      return n;
    }

    @Override
    public Batch getItem(int index) {
      calls.add(String.valueOf(index));
      FloatNdArray x = NdArrays.ofFloats(Shape.of(2, 3));
      x.scalars().forEach(s -> s.setFloat(index));
      return Batch.of(x, x);
    }

    @Override
    public void onEpochEnd() {
      calls.add("end");
    }
  }

  private static Model dense3() {
    KerasTensor in = Input.shape(3);
    Model m = new Model(in, new Dense(3).apply(in));
    m.compile(new SGD(0.01), keras4j.losses.Losses.get("mse"));
    return m;
  }

  @Test
  void stepsPerEpochContinuesThePassAcrossEpochsAsKerasDoes() {
    Model m = dense3();
    Recording d = new Recording(5, 0);
    History h = m.fit(d, epochs(4), stepsPerEpoch(2), shuffle(false), verbose(0));
    // Keras 3's EpochIterator: [0,1] [2,3] [4] (ran out) [0,1]; on_epoch_end once at reset and after each epoch.
    assertEquals(List.of("end", "0", "1", "end", "2", "3", "end", "4", "end", "0", "1", "end"), d.calls);
    assertEquals(4, h.history().get("loss").size());
  }

  @Test
  void shuffleShufflesTheBatchOrderAndReadsEveryBatchOnce() {
    Backend.setRandomSeed(3);
    Model m = dense3();
    Recording d = new Recording(12, 2);
    m.fit(d, epochs(1), shuffle(true), verbose(0));
    List<String> read = new ArrayList<>(d.calls);
    read.removeIf("end"::equals);
    List<String> sorted = new ArrayList<>(read);
    sorted.sort((a, b) -> Integer.parseInt(a) - Integer.parseInt(b));
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      expected.add(String.valueOf(i));
    }
    assertEquals(expected, sorted, "every batch once");
    assertTrue(!read.equals(expected), "batch order shuffled: " + read);
  }

  @Test
  void validationStepsTakeTheFirstBatchesEachEpoch() {
    Model m = dense3();
    Recording train = new Recording(2, 1);
    Recording val = new Recording(3, 1);
    History h = m.fit(train, epochs(2), validationData(val), validationSteps(2), shuffle(false), verbose(0));
    List<String> v = new ArrayList<>(val.calls);
    v.removeIf("end"::equals);
    assertEquals(List.of("0", "1", "0", "1"), v);
    assertEquals(2, h.history().get("val_loss").size());
  }

  /** Streaming the same batches in the same order gives the in-memory engine's weights and losses. */
  @Test
  void streamingMatchesTheInMemoryEngine() throws Exception {
    FloatNdArray x = SyntheticDigits.flat(600, 4);
    Path file = NpyWriter.save(dir.resolve("x.npy"), x);

    Backend.clearSession();
    Backend.setRandomSeed(11);
    Model a = autoencoder();
    History ha = a.fit(x, x, epochs(2), batchSize(64), shuffle(false), verbose(0), validationData(x, x));
    List<FloatNdArray> wa = a.getWeights();
    double ea = a.evaluate(x, x, batchSize(64), verbose(0));
    FloatNdArray pa = a.predict(x, batchSize(64));

    Backend.clearSession();
    Backend.setRandomSeed(11);
    Model b = autoencoder();
    History hb;
    double eb;
    FloatNdArray pb;
    try (NpyDataset ds = new NpyDataset(file, file, 64, 64 * 784 * 4 * 3 + 100)) {
      hb = b.fit(ds, epochs(2), shuffle(false), verbose(0), validationData(x, x));
      eb = b.evaluate(ds, verbose(0));
      pb = b.predict(NpyDataset.inputs(file, 64), verbose(0));
    }
    List<FloatNdArray> wb = b.getWeights();
    for (String k : List.of("loss", "val_loss")) {
      for (int e = 0; e < 2; e++) {
        assertEquals(ha.history().get(k).get(e), hb.history().get(k).get(e), 1e-6, k + " epoch " + e);
      }
    }
    for (int i = 0; i < wa.size(); i++) {
      assertArrayEquals(Np.toFloatArray(wa.get(i)), Np.toFloatArray(wb.get(i)), 1e-6f, "weight " + i);
    }
    assertEquals(ea, eb, 1e-6);
    assertArrayEquals(Np.toFloatArray(pa), Np.toFloatArray(pb), 1e-6f);
  }

  private static Model autoencoder() {
    KerasTensor in = Input.shape(784);
    KerasTensor h = new Dense(32, "relu").apply(in);
    Model m = new Model(in, new Dense(784, "sigmoid").apply(h));
    m.compile("adam", "binary_crossentropy");
    return m;
  }

  @Test
  void parallelWorkersKeepTheBatchOrderForPredict() {
    Model m = dense3();
    PyDataset slow = new PyDataset(4, 8) {
      @Override
      public int len() {
        return 20;
      }

      @Override
      public Batch getItem(int index) {
        try {
          Thread.sleep((index * 7) % 5);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        FloatNdArray x = NdArrays.ofFloats(Shape.of(1, 3));
        x.scalars().forEach(s -> s.setFloat(index));
        return Batch.of(x);
      }
    };
    FloatNdArray got = m.predict(slow, verbose(0));
    FloatNdArray in = NdArrays.ofFloats(Shape.of(20, 3));
    for (int i = 0; i < 20; i++) {
      int v = i;
      in.get(i).scalars().forEach(s -> s.setFloat(v));
    }
    assertArrayEquals(Np.toFloatArray(m.predict(in)), Np.toFloatArray(got), 1e-6f);
    assertEquals(5, m.predict(slow, verbose(0), steps(5)).shape().size(0));
  }

  @Test
  void anIterableHasUnknownLengthUntilItsFirstPassEnds() {
    Model m = dense3();
    int[] passes = {0};
    Iterable<Batch> gen = () -> {
      passes[0]++;
      List<Batch> l = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        l.add(Batch.of(NdArrays.ofFloats(Shape.of(2, 3)), NdArrays.ofFloats(Shape.of(2, 3))));
      }
      return l.iterator();
    };
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
    History h = m.fit(gen, epochs(2), verbose(0), Fit.callbacks(new ProgbarLogger(1, out, false)));
    String text = buf.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("      3/Unknown"), text);
    assertTrue(text.contains("3/3 ["), "second epoch knows the length: " + text);
    assertEquals(2, h.history().get("loss").size());
    assertEquals(2, passes[0]);
    // steps_per_epoch over an iterable: one pass serves both epochs (2 + 1 batches, then it ran out).
    passes[0] = 0;
    m.fit(gen, epochs(2), stepsPerEpoch(2), verbose(0));
    assertEquals(1, passes[0]);
  }

  @Test
  void errorsOfTheDataSetReachTheCallerWithTheirMessage() {
    Model m = dense3();
    PyDataset broken = new PyDataset() {
      @Override
      public int len() {
        return 4;
      }

      @Override
      public Batch getItem(int index) {
        if (index == 2) {
          throw new IllegalStateException("batch 2 is unreadable");
        }
        return Batch.of(NdArrays.ofFloats(Shape.of(2, 3)), NdArrays.ofFloats(Shape.of(2, 3)));
      }
    };
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> m.fit(broken, shuffle(false), verbose(0)));
    assertEquals("batch 2 is unreadable", e.getMessage());
    PyDataset wrong = new PyDataset() {
      @Override
      public int len() {
        return 1;
      }

      @Override
      public Batch getItem(int index) {
        return Batch.of(NdArrays.ofFloats(Shape.of(2, 5)), NdArrays.ofFloats(Shape.of(2, 3)));
      }
    };
    IllegalArgumentException w = assertThrows(IllegalArgumentException.class, () -> m.fit(wrong, verbose(0)));
    assertTrue(w.getMessage().contains("expected shape=(None, 3), found shape=(2, 5)"), w.getMessage());
    assertThrows(IllegalArgumentException.class, () -> m.fit(wrong, verbose(0), Fit.validationSplit(0.2)));
  }

  @Test
  void stepsPerEpochOnArraysStreamsThem() {
    Model m = dense3();
    FloatNdArray x = NdArrays.ofFloats(Shape.of(10, 3));
    History h = m.fit(x, x, epochs(3), batchSize(4), stepsPerEpoch(2), verbose(0));
    assertEquals(3, h.history().get("loss").size());
  }

  static FloatNdArray rows(FloatNdArray a, long from, long to) {
    return a.slice(Indices.range(from, to));
  }
}
