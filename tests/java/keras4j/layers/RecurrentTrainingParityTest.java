package keras4j.layers;

import static keras4j.models.Fit.batchSize;
import static keras4j.models.Fit.epochs;
import static keras4j.models.Fit.shuffle;
import static keras4j.models.Fit.verbose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import keras4j.backend.Backend;
import keras4j.models.Model;
import keras4j.utils.Np;
import keras4j.utils.NpyWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * Training parity with real Keras: the blog's sequence autoencoder with LSTM and with GRU layers, and a masked
 * sequence model (Masking -> LSTM(return_sequences) -> TimeDistributed(Dense) on zero-padded sequences, whose output
 * mask Keras 3 applies to the loss and metrics), trained 2 epochs (adam, mse, metric mae, batch 8, no shuffling) from the same
 * initial weights in keras4j and in Keras 3.15.1, end with the same weights (1e-4) and epoch losses and mae (1e-5).
 */
class RecurrentTrainingParityTest {
  @TempDir
  Path dir;

  @AfterEach
  void clear() {
    Backend.clearSession();
  }

  private static Model autoencoder(Function<Integer, Layer> encoder, Function<Integer, Layer> decoder) {
    KerasTensor in = Input.shape(6, 3);
    KerasTensor h = encoder.apply(5).apply(in);
    h = new RepeatVector(6).apply(h);
    h = decoder.apply(3).apply(h);
    return new Model(in, h);
  }

  @Test
  void lstmAndGruAutoencodersTrainLikeKeras() throws Exception {
    Map<String, Model> models = new LinkedHashMap<>();
    models.put("lstm_autoencoder", autoencoder(LSTM::new, u -> new LSTM(u).returnSequences(true)));
    models.put("lstm_fused_autoencoder", autoencoder(u -> new LSTM(u).fused(true),
        u -> new LSTM(u).returnSequences(true).fused(true)));
    models.put("gru_autoencoder", autoencoder(GRU::new, u -> new GRU(u).returnSequences(true)));
    models.put("gru_reset_before_autoencoder", autoencoder(u -> new GRU(u).resetAfter(false),
        u -> new GRU(u).resetAfter(false).returnSequences(true)));
    Random r = new Random(5);
    float[] xs = new float[32 * 6 * 3];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = (float) (0.5 * r.nextGaussian());
    }
    FloatNdArray x = Np.array(xs, 32, 6, 3);
    KerasTensor padded = Input.shape(6, 3);
    KerasTensor seq = new Masking().apply(padded);
    seq = new LSTM(5).returnSequences(true).apply(seq);
    models.put("masked_sequence_loss", new Model(padded, new TimeDistributed(new Dense(2)).apply(seq)));
    float[] tokens = new float[32 * 6 * 3];
    float[] targets = new float[32 * 6 * 2];
    for (int i = 0; i < 32; i++) {
      int length = 1 + r.nextInt(6);
      for (int t = 0; t < length * 3; t++) {
        tokens[i * 18 + t] = (float) r.nextGaussian();
      }
    }
    for (int i = 0; i < targets.length; i++) {
      targets[i] = (float) r.nextGaussian();
    }
    Map<String, List<FloatNdArray>> trained = new LinkedHashMap<>();
    Map<String, Map<String, List<Double>>> histories = new LinkedHashMap<>();
    for (Map.Entry<String, Model> e : models.entrySet()) {
      Model m = e.getValue();
      boolean masked = e.getKey().startsWith("masked");
      FloatNdArray in = masked ? Np.array(tokens, 32, 6, 3) : x;
      FloatNdArray target = masked ? Np.array(targets, 32, 6, 2) : in;
      m.save(dir.resolve(e.getKey() + ".keras"));
      NpyWriter.save(dir.resolve(e.getKey() + ".x.npy"), in);
      if (masked) {
        NpyWriter.save(dir.resolve(e.getKey() + ".y.npy"), target);
      }
      m.compile("adam", "mse", "mae");
      histories.put(e.getKey(), m.fit(in, target, epochs(2), batchSize(8), shuffle(false), verbose(0)).history());
      trained.put(e.getKey(), m.getWeights());
    }
    List<String> args = new ArrayList<>(List.of(dir.toString()));
    args.addAll(models.keySet());
    String out = keras4j.testing.KerasPython.run(Path.of("tests/python/recurrent/train_autoencoders.py"), 900,
        args.toArray(new String[0]));
    Map<String, Map<String, Object>> keras = new LinkedHashMap<>();
    for (String line : out.strip().split("\n")) {
      if (line.startsWith("{")) {
        Map<String, Object> row = keras4j.saving.Json.parseObject(line, "Keras output");
        keras.put((String) row.get("name"), row);
      }
    }
    assertEquals(models.keySet(), keras.keySet(), "Keras output:\n" + out);
    for (Map.Entry<String, List<FloatNdArray>> e : trained.entrySet()) {
      List<FloatNdArray> ours = e.getValue();
      double worst = 0;
      for (int i = 0; i < ours.size(); i++) {
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(java.nio.file.Files.readAllBytes(
            dir.resolve(e.getKey() + ".keras-w" + i + ".f32"))).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        float[] a = Np.toFloatArray(ours.get(i));
        float[] b = new float[buf.remaining() / 4];
        buf.asFloatBuffer().get(b);
        assertEquals(a.length, b.length, e.getKey() + " weight " + i + " size");
        for (int k = 0; k < a.length; k++) {
          worst = Math.max(worst, Math.abs(a[k] - b[k]));
        }
      }
      double history = 0;
      for (String k : List.of("loss", "mae")) {
        List<?> theirs = (List<?>) keras.get(e.getKey()).get(k);
        List<Double> mine = histories.get(e.getKey()).get(k);
        for (int epoch = 0; epoch < 2; epoch++) {
          history = Math.max(history, Math.abs(mine.get(epoch) - ((Number) theirs.get(epoch)).doubleValue()));
        }
      }
      System.out.printf("training parity %s: %d weights, max |keras4j - Keras| = %.2e, epoch loss/mae %.2e%n",
          e.getKey(), ours.size(), worst, history);
      assertTrue(worst <= 1e-4, e.getKey() + ": weights after 2 epochs differ from Keras's by " + worst);
      assertTrue(history <= 1e-5, e.getKey() + ": epoch loss or mae differs from Keras's by " + history);
    }
  }
}
