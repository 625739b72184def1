package keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import keras4j.backend.Backend;
import keras4j.models.Model;
import keras4j.testing.LayerHarness;
import keras4j.utils.Np;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * The recurrent layers' gradients (TensorFlow's, including the registered gradient of the fused BlockLSTM kernel)
 * agree with central finite differences, and the fused LSTM computes what the step-by-step graph computes.
 */
class RecurrentGradientTest {
  record Case(String name, Supplier<Layer> layer, long[]... shapes) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> cases() {
    List<Case> c = new ArrayList<>();
    c.add(new Case("LSTM fused, last output", () -> new LSTM(3).fused(true), new long[] {4, 2}));
    c.add(new Case("LSTM fused, sequences", () -> new LSTM(3).returnSequences(true).fused(true), new long[] {4, 2}));
    c.add(new Case("LSTM steps, sequences", () -> new LSTM(3).returnSequences(true).fused(false), new long[] {4, 2}));
    c.add(new Case("LSTM fused, final cell state", () -> new Sequential2(new LSTM(2).returnState(true).fused(true), 2),
        new long[] {3, 2}));
    c.add(new Case("LSTM fused, initial states", () -> new LSTM(2).fused(true), new long[] {3, 2}, new long[] {2},
        new long[] {2}));
    c.add(new Case("LSTM softsign (steps), backwards", () -> new LSTM(3, "softsign").goBackwards(true),
        new long[] {4, 2}));
    c.add(new Case("GRU reset_after", () -> new GRU(3).returnSequences(true), new long[] {4, 2}));
    c.add(new Case("GRU reset_before", () -> new GRU(3).resetAfter(false).returnSequences(true), new long[] {4, 2}));
    c.add(new Case("GRU no bias", () -> new GRU(2).useBias(false), new long[] {3, 3}));
    c.add(new Case("SimpleRNN", () -> new SimpleRNN(3).returnSequences(true), new long[] {4, 2}));
    c.add(new Case("RepeatVector", () -> new RepeatVector(3), new long[] {2}));
    c.add(new Case("TimeDistributed Dense", () -> new TimeDistributed(new Dense(2, "tanh")), new long[] {3, 2}));
    c.add(new Case("Bidirectional LSTM concat", () -> new Bidirectional(new LSTM(2).returnSequences(true)),
        new long[] {3, 2}));
    c.add(new Case("Bidirectional GRU mul", () -> new Bidirectional(new GRU(2)).mergeMode("mul"), new long[] {3, 2}));
    return c.stream().map(Arguments::of);
  }

  /** Picks output {@code index} of a layer with several outputs (the harness differentiates the first). */
  static final class Sequential2 extends BaseLayer<Sequential2> {
    private final Layer inner;
    private final int index;

    Sequential2(Layer inner, int index) {
      this.inner = inner;
      this.index = index;
    }

    @Override
    protected void build(long[] inputShape) {
      inner.buildOnce(List.of(inputShape));
    }

    @Override
    public long[] computeOutputShape(long[] inputShape) {
      return inner.computeOutputShapes(List.of(inputShape)).get(index);
    }

    @Override
    protected org.tensorflow.Operand<org.tensorflow.types.TFloat32> call(org.tensorflow.op.Ops tf,
        org.tensorflow.Operand<org.tensorflow.types.TFloat32> x, boolean training) {
      return inner.call(tf, List.of(x), training).get(index);
    }

    @Override
    public List<keras4j.backend.KerasVariable> trainableWeights() {
      return inner.trainableWeights();
    }
  }

  @AfterEach
  void clear() {
    Backend.clearSession();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void gradientsMatchFiniteDifferences(Case c) {
    Backend.setRandomSeed(1);
    long batch = 2;
    LayerHarness h = new LayerHarness(c.layer().get(), false, batch, c.shapes());
    List<FloatNdArray> x = new ArrayList<>();
    for (int i = 0; i < c.shapes().length; i++) {
      long[] s = c.shapes()[i];
      long[] full = new long[s.length + 1];
      full[0] = batch;
      System.arraycopy(s, 0, full, 1, s.length);
      x.add(LayerHarness.random(11 + i, full));
    }
    List<FloatNdArray> grads = h.gradients(x);
    assertEquals(x.size() + h.weights().size(), grads.size());
    float eps = 1e-2f;
    Random pick = new Random(3);
    int checked = 0;
    for (int k = 0; k < grads.size(); k++) {
      float[] g = Np.toFloatArray(grads.get(k));
      for (int n = 0; n < Math.min(8, g.length); n++) {
        int coord = pick.nextInt(g.length);
        double numeric = k < x.size() ? h.inputDifference(x, k, coord, eps)
            : h.weightDifference(x, k - x.size(), coord, eps);
        double tol = 5e-3 + 1e-2 * Math.max(Math.abs(numeric), Math.abs(g[coord]));
        assertTrue(Math.abs(numeric - g[coord]) <= tol, c.name() + ": gradient " + k + "[" + coord + "] = " + g[coord]
            + ", finite difference " + numeric);
        checked++;
      }
    }
    assertTrue(checked > 0, "no coordinate was checked");
  }

  @Test
  void fusedLstmEqualsStepByStepGraph() {
    for (boolean bias : new boolean[] {true, false}) {
      KerasTensor in = Input.shape(5, 3);
      LSTM a = new LSTM(4).returnSequences(true).useBias(bias);
      LSTM b = new LSTM(4).returnSequences(true).useBias(bias).fused(false);
      Model ma = new Model(in, a.apply(in));
      Model mb = new Model(in, b.apply(in));
      List<FloatNdArray> w = a.getWeights();
      if (bias) {
        float[] bv = Np.toFloatArray(w.get(2));
        for (int i = 0; i < bv.length; i++) {
          bv[i] = 0.1f * (i % 7) - 0.3f;
        }
        w.set(2, Np.array(bv, bv.length));
      }
      a.setWeights(w);
      b.setWeights(w);
      FloatNdArray x = LayerHarness.random(5, 2, 5, 3);
      float[] ya = Np.toFloatArray(ma.predict(x));
      float[] yb = Np.toFloatArray(mb.predict(x));
      for (int i = 0; i < ya.length; i++) {
        assertEquals(yb[i], ya[i], 1e-6, "output " + i + " (use_bias=" + bias + ")");
      }
    }
  }
}
