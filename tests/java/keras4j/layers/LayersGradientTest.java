package keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import keras4j.backend.Backend;
import keras4j.testing.LayerHarness;
import keras4j.utils.Np;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * TensorFlow's gradients through issue 10's layers and the 1-D family agree with central finite differences (inputs
 * and trainable weights), through the shared {@link LayerHarness}. The noise layers are checked here at inference;
 * their training-mode gradients, which finite differences cannot see (each run draws new noise), are checked within
 * one run in {@code NoiseLayersTest}.
 */
class LayersGradientTest {
  record Case(String name, Supplier<Layer> layer, boolean spread, long[]... shapes) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Case c(String name, Supplier<Layer> layer, long[]... shapes) {
    return new Case(name, layer, false, shapes);
  }

  /** Inputs all distinct and spread out: for max-like layers, whose gradient jumps where two inputs tie. */
  private static Case spread(String name, Supplier<Layer> layer, long[]... shapes) {
    return new Case(name, layer, true, shapes);
  }

  private static long[] s(long... d) {
    return d;
  }

  static Stream<Arguments> cases() {
    List<Case> l = new ArrayList<>();
    l.add(c("Conv1D valid", () -> new Conv1D(2, 3), s(6, 2)));
    l.add(c("Conv1D same strided", () -> new Conv1D(3, 3).strides(2).padding("same"), s(7, 2)));
    l.add(c("Conv1D causal dilated", () -> new Conv1D(2, 2).padding("causal").dilationRate(2), s(7, 2)));
    l.add(c("Conv1D groups", () -> new Conv1D(4, 2).groups(2), s(5, 4)));
    l.add(c("Conv1D channels_first", () -> new Conv1D(2, 2).dataFormat("channels_first"), s(3, 5)));
    l.add(c("Conv1DTranspose strided", () -> new Conv1DTranspose(2, 3).strides(2).padding("same"), s(4, 2)));
    l.add(c("Conv1DTranspose output_padding", () -> new Conv1DTranspose(2, 3).strides(2).outputPadding(1), s(3, 2)));
    l.add(c("Conv2D groups", () -> new Conv2D(4, 2).groups(2), s(4, 4, 4)));
    l.add(c("DepthwiseConv2D", () -> new DepthwiseConv2D(2).depthMultiplier(2), s(4, 4, 2)));
    l.add(c("DepthwiseConv2D dilated", () -> new DepthwiseConv2D(2).dilationRate(2).padding("same"), s(5, 5, 2)));
    l.add(c("SeparableConv2D", () -> new SeparableConv2D(3, 2).depthMultiplier(2).strides(2), s(5, 5, 2)));
    l.add(spread("MaxPooling1D", () -> new MaxPooling1D(2), s(6, 2)));
    l.add(c("AveragePooling1D same", () -> new AveragePooling1D(3).strides(2).padding("same"), s(7, 2)));
    l.add(c("GlobalAveragePooling1D", GlobalAveragePooling1D::new, s(5, 3)));
    l.add(spread("GlobalMaxPooling1D keepdims", () -> new GlobalMaxPooling1D().keepdims(true), s(5, 3)));
    l.add(c("GlobalAveragePooling2D channels_first", () -> new GlobalAveragePooling2D().dataFormat("channels_first"),
        s(2, 3, 3)));
    l.add(spread("GlobalMaxPooling2D", GlobalMaxPooling2D::new, s(3, 3, 2)));
    l.add(c("UpSampling1D", () -> new UpSampling1D(3), s(3, 2)));
    l.add(c("Cropping1D", () -> new Cropping1D(1, 2), s(6, 2)));
    l.add(c("ZeroPadding1D", () -> new ZeroPadding1D(2, 1), s(3, 2)));
    l.add(c("Cropping2D", () -> new Cropping2D(1, 0, 2, 1), s(4, 5, 2)));
    l.add(c("ZeroPadding2D channels_first", () -> new ZeroPadding2D(1).dataFormat("channels_first"), s(2, 3, 3)));
    l.add(c("LayerNormalization", LayerNormalization::new, s(3, 5)));
    l.add(c("LayerNormalization axes 1,2 rms", () -> new LayerNormalization(1, 2).rmsScaling(true), s(3, 4)));
    l.add(c("UnitNormalization", UnitNormalization::new, s(5)));
    l.add(c("GroupNormalization", () -> new GroupNormalization(2), s(3, 4)));
    l.add(spread("PReLU", PReLU::new, s(6)));
    l.add(spread("PReLU shared", () -> new PReLU().sharedAxes(1), s(3, 2)));
    l.add(c("Permute", () -> new Permute(2, 1), s(3, 4)));
    l.add(c("Rescaling", () -> new Rescaling(0.5, -1), s(4)));
    l.add(c("Identity", Identity::new, s(4)));
    l.add(c("Multiply", Multiply::new, s(4), s(4), s(4)));
    l.add(c("Multiply broadcast", Multiply::new, s(3, 4), s(4)));
    l.add(c("Subtract", Subtract::new, s(4), s(4)));
    l.add(c("Average", Average::new, s(4), s(4)));
    l.add(spread("Maximum", Maximum::new, s(5), s(5)));
    l.add(spread("Minimum", Minimum::new, s(5), s(5)));
    l.add(c("Dot axes 1", () -> new Dot(1), s(4), s(4)));
    l.add(c("Dot matmul normalize", () -> new Dot(2, 1).normalize(true), s(3, 4), s(4, 2)));
    l.add(c("GaussianNoise (inference)", () -> new GaussianNoise(0.3).seed(1), s(5)));
    l.add(c("GaussianDropout (inference)", () -> new GaussianDropout(0.3).seed(1), s(5)));
    l.add(c("AlphaDropout (inference)", () -> new AlphaDropout(0.3).seed(1), s(5)));
    l.add(c("SpatialDropout1D (inference)", () -> new SpatialDropout1D(0.5).seed(1), s(4, 3)));
    l.add(c("SpatialDropout2D (inference)", () -> new SpatialDropout2D(0.5).seed(1), s(3, 3, 2)));
    return l.stream().map(Arguments::of);
  }

  @AfterEach
  void clear() {
    Backend.clearSession();
  }

  private static FloatNdArray input(boolean spread, long seed, long[] shape) {
    FloatNdArray x = LayerHarness.random(seed, shape);
    if (!spread) {
      return x;
    }
    float[] v = Np.toFloatArray(x);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < v.length; i++) {
      order.add(i);
    }
    java.util.Collections.shuffle(order, new Random(seed));
    float step = 2f / v.length;
    for (int i = 0; i < v.length; i++) {
      v[order.get(i)] = -1f + step * i + step / 2;
    }
    return Np.array(v, shape);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void gradientsMatchFiniteDifferences(Case c) {
    long batch = 2;
    boolean training = false;
    LayerHarness h = new LayerHarness(c.layer().get(), training, batch, c.shapes());
    List<FloatNdArray> x = new ArrayList<>();
    for (int i = 0; i < c.shapes().length; i++) {
      long[] sh = c.shapes()[i];
      long[] full = new long[sh.length + 1];
      full[0] = batch;
      System.arraycopy(sh, 0, full, 1, sh.length);
      x.add(input(c.spread(), 11 + 31L * i, full));
    }
    List<FloatNdArray> grads = h.gradients(x);
    float eps = 1e-2f;
    Random pick = new Random(3);
    int checked = 0;
    for (int k = 0; k < grads.size(); k++) {
      float[] g = Np.toFloatArray(grads.get(k));
      for (int n = 0; n < Math.min(8, g.length); n++) {
        int coord = pick.nextInt(g.length);
        double numeric = k < x.size() ? h.inputDifference(x, k, coord, eps) : h.weightDifference(x, k - x.size(), coord, eps);
        double tol = 5e-3 + 1e-2 * Math.max(Math.abs(numeric), Math.abs(g[coord]));
        assertTrue(Math.abs(numeric - g[coord]) <= tol, c.name() + ": gradient " + k + "[" + coord + "] = " + g[coord]
            + ", finite difference " + numeric);
        checked++;
      }
    }
    assertTrue(checked > 0, "no coordinate was checked");
  }
}
