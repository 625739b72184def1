package keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import keras4j.backend.Backend;
import keras4j.backend.Context;
import keras4j.backend.Tensors;
import keras4j.utils.Np;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The training behaviour of Keras's noise and dropout layers: exact where Keras's formula is deterministic
 * (AlphaDropout's two values and affine map, dropout's 1 / (1 - rate) scaling, SpatialDropout's one draw per sample
 * and channel, the gradients within the run that drew the noise, inference = identity) and statistical where it is
 * random (noise mean and standard deviation, dropped fraction; bounds of 5 standard errors).
 */
class NoiseLayersTest {
  /** Output and d(sum y)/dx of one training-mode run, and the inference output. */
  record Run(float[] x, float[] y, float[] grad, float[] inference) {}

  @AfterEach
  void clear() {
    Backend.clearSession();
  }

  private static Run run(Layer layer, FloatNdArray x) {
    long[] shape = x.shape().asArray();
    Context ctx = Context.current();
    Ops tf = ctx.ops();
    layer.buildOnce(List.of(shape));
    Placeholder<TFloat32> p = ctx.placeholder(shape);
    Operand<TFloat32> y = layer.call(tf, List.of(p), true).get(0);
    Operand<TFloat32> inf = tf.identity(layer.call(tf, List.of(p), false).get(0));
    Operand<TFloat32> sum = tf.reduceSum(y, tf.range(tf.constant(0), tf.rank(y), tf.constant(1)));
    Operand<TFloat32> g = ctx.gradients(sum, List.of(p)).get(0);
    try (TFloat32 feed = Tensors.of(x)) {
      List<float[]> out = ctx.run(r -> {
        r.feed(p, feed);
        r.fetch(y);
        r.fetch(g);
        r.fetch(inf);
      }, res -> {
        List<float[]> o = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
          o.add(Np.toFloatArray(Tensors.toHost((TFloat32) res.get(i))));
        }
        return o;
      });
      return new Run(Np.toFloatArray(x), out.get(0), out.get(1), out.get(2));
    }
  }

  private static FloatNdArray filled(float v, long... shape) {
    int n = 1;
    for (long d : shape) {
      n *= (int) d;
    }
    float[] a = new float[n];
    java.util.Arrays.fill(a, v);
    return Np.array(a, shape);
  }

  private static FloatNdArray gaussian(long seed, long... shape) {
    java.util.Random r = new java.util.Random(seed);
    int n = 1;
    for (long d : shape) {
      n *= (int) d;
    }
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (float) r.nextGaussian();
    }
    return Np.array(a, shape);
  }

  private static double mean(float[] v) {
    double s = 0;
    for (float f : v) {
      s += f;
    }
    return s / v.length;
  }

  private static double std(float[] v) {
    double m = mean(v);
    double s = 0;
    for (float f : v) {
      s += (f - m) * (f - m);
    }
    return Math.sqrt(s / v.length);
  }

  private static void inferenceIsIdentity(Run r) {
    assertTrue(java.util.Arrays.equals(r.x(), r.inference()), "inference must return the input unchanged");
  }

  @Test
  void gaussianNoiseAddsZeroMeanNoiseOfStddev() {
    Run r = run(new GaussianNoise(0.5), gaussian(1, 100, 100));
    float[] noise = new float[r.x().length];
    for (int i = 0; i < noise.length; i++) {
      noise[i] = r.y()[i] - r.x()[i];
      assertEquals(1f, r.grad()[i], 0f, "d(x + noise)/dx");
    }
    double se = 0.5 / Math.sqrt(noise.length);
    assertEquals(0, mean(noise), 5 * se, "noise mean");
    assertEquals(0.5, std(noise), 5 * 0.5 / Math.sqrt(2.0 * noise.length), "noise stddev");
    inferenceIsIdentity(r);
  }

  @Test
  void gaussianDropoutMultipliesByNoiseOfMeanOneAndStddevSqrtRateOverOneMinusRate() {
    double rate = 0.3;
    Run r = run(new GaussianDropout(rate), filled(2f, 100, 100));
    float[] m = new float[r.x().length];
    for (int i = 0; i < m.length; i++) {
      m[i] = r.y()[i] / 2f;
      assertEquals(m[i], r.grad()[i], 1e-6f, "d(x * m)/dx = m");
    }
    double sd = Math.sqrt(rate / (1 - rate));
    assertEquals(1, mean(m), 5 * sd / Math.sqrt(m.length), "multiplier mean");
    assertEquals(sd, std(m), 5 * sd / Math.sqrt(2.0 * m.length), "multiplier stddev");
    inferenceIsIdentity(r);
  }

  @Test
  void alphaDropoutUsesKerasAffineMapAndKeepsMeanAndVariance() {
    double rate = 0.2;
    double alphaP = -1.6732632423543772848170429916717 * 1.0507009873554804934193349852946;
    double a = Math.pow((1 - rate) * (1 + rate * alphaP * alphaP), -0.5);
    double b = -a * alphaP * rate;
    Run r = run(new AlphaDropout(rate), gaussian(2, 200, 100));
    int dropped = 0;
    for (int i = 0; i < r.x().length; i++) {
      double kept = a * r.x()[i] + b;
      double drop = a * alphaP + b;
      if (Math.abs(r.y()[i] - drop) < 1e-5 && Math.abs(r.y()[i] - kept) > 1e-5) {
        dropped++;
        assertEquals(0f, r.grad()[i], 0f, "gradient of a dropped unit");
      } else {
        assertEquals(kept, r.y()[i], 1e-5, "a kept unit is a * x + b");
        assertEquals(a, r.grad()[i], 1e-6, "gradient of a kept unit");
      }
    }
    int n = r.x().length;
    assertEquals(rate, (double) dropped / n, 5 * Math.sqrt(rate * (1 - rate) / n), "dropped fraction");
    assertEquals(0, mean(r.y()), 0.03, "self-normalizing: mean stays 0");
    assertEquals(1, std(r.y()), 0.03, "self-normalizing: variance stays 1");
    inferenceIsIdentity(r);
  }

  /** One mask value per (sample, channel), shared by every position; kept values scaled by 1 / (1 - rate). */
  private static void checkChannelMasks(Run r, int batch, int positions, int channels, boolean channelsFirst, double rate) {
    float scale = (float) (1 / (1 - rate));
    int zero = 0;
    for (int b = 0; b < batch; b++) {
      for (int c = 0; c < channels; c++) {
        Float first = null;
        for (int p = 0; p < positions; p++) {
          int i = channelsFirst ? (b * channels + c) * positions + p : (b * positions + p) * channels + c;
          float v = r.y()[i];
          assertTrue(v == 0f || v == scale, "a spatially dropped value is 0 or 1 / (1 - rate), got " + v);
          assertEquals(v, r.grad()[i], 0f, "gradient equals the mask");
          if (first == null) {
            first = v;
          } else {
            assertEquals(first, v, 0f, "sample " + b + " channel " + c + ": one draw for every position");
          }
        }
        if (first == 0f) {
          zero++;
        }
      }
    }
    int n = batch * channels;
    assertEquals(rate, (double) zero / n, 5 * Math.sqrt(rate * (1 - rate) / n), "dropped channel fraction");
  }

  @Test
  void spatialDropout1DDropsWholeChannels() {
    Run r = run(new SpatialDropout1D(0.4), filled(1f, 50, 7, 20));
    checkChannelMasks(r, 50, 7, 20, false, 0.4);
    inferenceIsIdentity(r);
  }

  @Test
  void spatialDropout2DDropsWholeFeatureMapsInBothFormats() {
    Run last = run(new SpatialDropout2D(0.5), filled(1f, 40, 3, 4, 10));
    checkChannelMasks(last, 40, 12, 10, false, 0.5);
    inferenceIsIdentity(last);
    Run first = run(new SpatialDropout2D(0.5).dataFormat("channels_first"), filled(1f, 40, 10, 3, 4));
    checkChannelMasks(first, 40, 12, 10, true, 0.5);
  }

  @Test
  void modelsWithEveryNoiseLayerTrainAndPredictDeterministically() {
    keras4j.models.Sequential m = new keras4j.models.Sequential()
        .add(new Conv1D(4, 3).padding("causal").inputShape(8, 2))
        .add(new SpatialDropout1D(0.2))
        .add(new GaussianNoise(0.1))
        .add(new GaussianDropout(0.2))
        .add(new AlphaDropout(0.1))
        .add(new LayerNormalization())
        .add(new Conv1D(2, 3).padding("same"));
    m.compile("adam", "mse");
    FloatNdArray x = gaussian(5, 32, 8, 2);
    FloatNdArray before = m.predict(x);
    double start = m.evaluate(x, x, keras4j.models.Fit.verbose(0));
    keras4j.models.History h = m.fit(x, x, keras4j.models.Fit.epochs(15), keras4j.models.Fit.batchSize(8),
        keras4j.models.Fit.verbose(0));
    List<Double> loss = h.history().get("loss");
    assertEquals(15, loss.size());
    assertTrue(loss.stream().allMatch(Double::isFinite), "finite losses " + loss);
    double end = m.evaluate(x, x, keras4j.models.Fit.verbose(0));
    assertTrue(end < start, "training through the noise layers lowers the (noise-free) loss: " + start + " -> " + end);
    FloatNdArray after1 = m.predict(x);
    FloatNdArray after2 = m.predict(x);
    assertTrue(java.util.Arrays.equals(Np.toFloatArray(after1), Np.toFloatArray(after2)), "inference draws no noise");
    assertTrue(!java.util.Arrays.equals(Np.toFloatArray(before), Np.toFloatArray(after1)), "training changed the weights");
  }

  @Test
  void argumentsAreCheckedAsKerasDoes() {
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> new GaussianDropout(1.5));
    assertEquals("Invalid value received for argument `rate`. Expected a float value between 0 and 1. Received: rate=1.5",
        e.getMessage());
    e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new GaussianNoise(-0.1));
    assertTrue(e.getMessage().contains("`stddev`"), e.getMessage());
  }
}
