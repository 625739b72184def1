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
 * Training parity with real Keras: the blog's sequence autoencoder with LSTM and with GRU layers, trained 2 epochs
 * (adam, mse, batch 8, no shuffling) from the same initial weights in keras4j and in Keras 3.15.1, ends with the
 * same weights (1e-4).
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
    models.put("gru_autoencoder", autoencoder(GRU::new, u -> new GRU(u).returnSequences(true)));
    models.put("gru_reset_before_autoencoder", autoencoder(u -> new GRU(u).resetAfter(false),
        u -> new GRU(u).resetAfter(false).returnSequences(true)));
    Random r = new Random(5);
    float[] xs = new float[32 * 6 * 3];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = (float) (0.5 * r.nextGaussian());
    }
    FloatNdArray x = Np.array(xs, 32, 6, 3);
    Map<String, List<FloatNdArray>> trained = new LinkedHashMap<>();
    for (Map.Entry<String, Model> e : models.entrySet()) {
      Model m = e.getValue();
      m.save(dir.resolve(e.getKey() + ".keras"));
      NpyWriter.save(dir.resolve(e.getKey() + ".x.npy"), x);
      m.compile("adam", "mse");
      m.fit(x, x, epochs(2), batchSize(8), shuffle(false), verbose(0));
      trained.put(e.getKey(), m.getWeights());
    }
    List<String> args = new ArrayList<>(List.of(dir.toString()));
    args.addAll(models.keySet());
    String out = keras4j.testing.KerasPython.run(Path.of("tests/python/recurrent/train_autoencoders.py"), 900,
        args.toArray(new String[0]));
    assertEquals(models.size(), out.strip().split("\n").length, "Keras output:\n" + out);
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
      System.out.printf("training parity %s: %d weights, max |keras4j - Keras| = %.2e%n", e.getKey(), ours.size(),
          worst);
      assertTrue(worst <= 1e-4, e.getKey() + ": weights after 2 epochs differ from Keras's by " + worst);
    }
  }
}
