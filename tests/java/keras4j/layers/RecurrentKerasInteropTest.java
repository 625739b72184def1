package keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import keras4j.backend.Backend;
import keras4j.models.Model;
import keras4j.models.Models;
import keras4j.saving.SavingApi;
import keras4j.testing.KerasPython;
import keras4j.utils.Np;
import keras4j.utils.NpyWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * Models with the sequence layers, built and given random weights in keras4j: their configs survive a round trip in
 * both dialects (Keras 3 and tf.keras 2), their files (.keras, .h5, .weights.h5, legacy weights) load back in
 * keras4j with identical outputs, and real Keras 3.15.1 loads every file and computes keras4j's outputs (1e-5).
 */
class RecurrentKerasInteropTest {
  @TempDir
  Path dir;

  record Built(String name, Model model, List<FloatNdArray> xs) {
    Built(String name, Model model, FloatNdArray x) {
      this(name, model, List.of(x));
    }
  }

  @AfterEach
  void clear() {
    Backend.clearSession();
  }

  private static FloatNdArray normal(long seed, long... shape) {
    Random r = new Random(seed);
    int n = 1;
    for (long d : shape) {
      n *= (int) d;
    }
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) r.nextGaussian();
    }
    return Np.array(v, shape);
  }

  private static void randomize(Model m, long seed) {
    Random r = new Random(seed);
    List<FloatNdArray> ws = new ArrayList<>();
    for (FloatNdArray w : m.getWeights()) {
      float[] v = new float[(int) w.shape().size()];
      for (int i = 0; i < v.length; i++) {
        v[i] = (float) (0.5 * r.nextGaussian());
      }
      ws.add(Np.array(v, w.shape().asArray()));
    }
    m.setWeights(ws);
  }

  static Map<String, Supplier<Built>> models() {
    Map<String, Supplier<Built>> m = new LinkedHashMap<>();
    m.put("seq2seq", () -> {
      KerasTensor in = Input.shape(5, 3);
      KerasTensor h = new LSTM(4).apply(in);
      h = new RepeatVector(5).apply(h);
      h = new LSTM(3).returnSequences(true).apply(h);
      h = new TimeDistributed(new Dense(2, "sigmoid")).apply(h);
      return new Built("seq2seq", new Model(in, h), normal(1, 3, 5, 3));
    });
    m.put("gru_stack", () -> {
      KerasTensor in = Input.shape(5, 3);
      KerasTensor h = new GRU(3).resetAfter(false).returnSequences(true).goBackwards(true).apply(in);
      h = new GRU(2).useBias(false).apply(h);
      return new Built("gru_stack", new Model(in, h), normal(2, 3, 5, 3));
    });
    m.put("masked_bidirectional", () -> {
      KerasTensor in = Input.shape(5, 3);
      KerasTensor h = new Masking().apply(in);
      h = new Bidirectional(new LSTM(2).returnSequences(true)).mergeMode("sum").apply(h);
      h = new SimpleRNN(2, "relu").apply(h);
      float[] x = Np.toFloatArray(normal(3, 3, 5, 3));
      for (int i = 9; i < 15; i++) {
        x[i] = 0f;
      }
      return new Built("masked_bidirectional", new Model(in, h), Np.array(x, 3, 5, 3));
    });
    m.put("bidirectional_backward_layer", () -> {
      KerasTensor in = Input.shape(5, 3);
      KerasTensor h = new Bidirectional(new GRU(2).returnSequences(true),
          new SimpleRNN(3).returnSequences(true).goBackwards(true)).apply(in);
      return new Built("bidirectional_backward_layer", new Model(in, h), normal(4, 3, 5, 3));
    });
    m.put("embedding_states", () -> {
      KerasTensor in = Input.shape(5);
      KerasTensor e = new Embedding(10, 4).maskZero(true).apply(in);
      List<KerasTensor> out = new LSTM(3, "relu").returnState(true).apply(List.of(e));
      return new Built("embedding_states", new Model(List.of(in), out), Np.array(new float[] {
          1, 2, 3, 0, 0, 4, 5, 6, 7, 8, 9, 1, 0, 2, 0}, 3, 5));
    });
    m.put("initial_states", () -> {
      KerasTensor seq = Input.shape(5, 3);
      KerasTensor h0 = Input.shape(2);
      KerasTensor c0 = Input.shape(2);
      KerasTensor g0 = Input.shape(3);
      KerasTensor g1 = Input.shape(3);
      KerasTensor y = new LSTM(2).returnSequences(true).apply(List.of(seq, h0, c0)).get(0);
      KerasTensor z = new Bidirectional(new GRU(3)).apply(List.of(y, g0, g1)).get(0);
      return new Built("initial_states", new Model(List.of(seq, h0, c0, g0, g1), List.of(y, z)), List.of(
          normal(7, 3, 5, 3), normal(8, 3, 2), normal(9, 3, 2), normal(10, 3, 3), normal(11, 3, 3)));
    });
    m.put("rnn_cell", () -> {
      KerasTensor in = Input.shape(5, 3);
      KerasTensor h = new RNN(new GRUCell(3)).returnSequences(true).apply(in);
      return new Built("rnn_cell", new Model(in, h), normal(6, 3, 5, 3));
    });
    return m;
  }

  private static float maxDiff(List<FloatNdArray> a, List<FloatNdArray> b) {
    assertEquals(a.size(), b.size());
    float d = 0;
    for (int k = 0; k < a.size(); k++) {
      assertArrayEquals(a.get(k).shape().asArray(), b.get(k).shape().asArray());
      float[] x = Np.toFloatArray(a.get(k));
      float[] y = Np.toFloatArray(b.get(k));
      for (int i = 0; i < x.length; i++) {
        d = Math.max(d, Math.abs(x[i] - y[i]));
      }
    }
    return d;
  }

  @Test
  void filesRoundTripInKeras4jAndLoadInRealKeras() throws Exception {
    List<String> names = new ArrayList<>();
    Map<String, List<FloatNdArray>> expected = new LinkedHashMap<>();
    for (Map.Entry<String, Supplier<Built>> e : models().entrySet()) {
      Built b = e.getValue().get();
      randomize(b.model(), names.size() + 17);
      String n = b.name();
      List<FloatNdArray> y = b.model().predictAll(b.xs());
      b.model().save(dir.resolve(n + ".keras"));
      b.model().save(dir.resolve(n + ".h5"));
      b.model().saveWeights(dir.resolve(n + ".weights.h5"));
      b.model().saveWeights(dir.resolve(n + ".legacy-weights.h5"));
      Files.writeString(dir.resolve(n + ".json"), b.model().toJson());
      String keras2Json = SavingApi.toJson(b.model(), true);
      for (int k = 0; k < b.xs().size(); k++) {
        NpyWriter.save(dir.resolve(n + ".x" + k + ".npy"), b.xs().get(k));
      }
      for (int k = 0; k < y.size(); k++) {
        NpyWriter.save(dir.resolve(n + ".y" + k + ".npy"), y.get(k));
      }
      names.add(n);
      expected.put(n, y);
      Backend.clearSession();
      for (String file : List.of(".keras", ".h5")) {
        Model back = Models.load(dir.resolve(n + file));
        assertEquals(0f, maxDiff(y, back.predictAll(b.xs())), n + file + " loaded in keras4j");
        Backend.clearSession();
      }
      for (boolean keras2 : new boolean[] {false, true}) {
        String json = keras2 ? keras2Json : Files.readString(dir.resolve(n + ".json"));
        for (String weights : List.of(".weights.h5", ".legacy-weights.h5")) {
          Model back = Models.fromJson(json);
          back.loadWeights(dir.resolve(n + weights));
          assertEquals(0f, maxDiff(y, back.predictAll(b.xs())), n + " from JSON + " + weights);
          assertEquals(SavingApi.toJson(back, keras2), json,
              n + ": config round trip");
          Backend.clearSession();
        }
      }
    }
    List<String> args = new ArrayList<>();
    args.add(dir.toString());
    args.addAll(names);
    String out = KerasPython.run(Path.of("tests/python/recurrent/load_keras4j_models.py"), 600,
        args.toArray(new String[0]));
    int checked = 0;
    for (String line : out.strip().split("\n")) {
      String[] f = line.trim().split("\\s+");
      assertEquals(3, f.length, "unexpected line from Keras: " + line);
      double d = Double.parseDouble(f[2]);
      assertTrue(d <= 1e-5, "Keras computes " + f[0] + " loaded from " + f[1] + " differently: max diff " + d);
      checked++;
    }
    assertEquals(names.size() * 4, checked, "Keras output:\n" + out);
  }
}
