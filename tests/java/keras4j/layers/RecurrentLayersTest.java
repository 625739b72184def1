package keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import keras4j.backend.Backend;
import keras4j.models.Model;
import keras4j.testing.LayerHarness;
import keras4j.utils.Np;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.FloatNdArray;

/** Options of the recurrent layers that fixtures cannot show: dropout only while training, refusals, errors. */
class RecurrentLayersTest {
  @AfterEach
  void clear() {
    Backend.clearSession();
  }

  @Test
  void dropoutActsOnlyWhileTraining() {
    for (boolean lstm : new boolean[] {true, false}) {
      Layer withDropout = lstm ? new LSTM(4).returnSequences(true).dropout(0.5).recurrentDropout(0.3)
          : new GRU(4).returnSequences(true).dropout(0.5).recurrentDropout(0.3);
      Layer plain = lstm ? new LSTM(4).returnSequences(true) : new GRU(4).returnSequences(true);
      KerasTensor in = Input.shape(5, 3);
      Model a = new Model(in, withDropout.apply(in));
      Model b = new Model(in, plain.apply(in));
      b.setWeights(a.getWeights());
      FloatNdArray x = LayerHarness.random(3, 2, 5, 3);
      assertEquals(Np.toFloatArray(b.predict(x))[7], Np.toFloatArray(a.predict(x))[7], 1e-6,
          "inference ignores dropout");
      Backend.clearSession();
      Layer again = lstm ? new LSTM(4).returnSequences(true).dropout(0.5).recurrentDropout(0.3)
          : new GRU(4).returnSequences(true).dropout(0.5).recurrentDropout(0.3);
      LayerHarness training = new LayerHarness(again, true, 2, new long[] {5, 3});
      LayerHarness inference = new LayerHarness(training.model(), false, 2, new long[] {5, 3});
      double t1 = training.value(List.of(x));
      double t2 = training.value(List.of(x));
      double i1 = inference.value(List.of(x));
      assertNotEquals(t1, t2, "a new dropout mask per batch");
      assertNotEquals(t1, i1, "training output differs from inference");
      assertEquals(i1, inference.value(List.of(x)), 0.0, "inference is deterministic");
      Backend.clearSession();
    }
  }

  @Test
  void statefulIsRefusedClearly() {
    UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
        () -> new LSTM(3).name("enc").stateful(true));
    assertTrue(e.getMessage().contains("enc") && e.getMessage().contains("stateful=True"), e.getMessage());
  }

  @Test
  void badShapesAndOptionsNameTheLayer() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GRU(0));
    assertTrue(e.getMessage().contains("units"), e.getMessage());
    KerasTensor flat = Input.shape(7);
    e = assertThrows(IllegalArgumentException.class, () -> new LSTM(2).name("rnn").apply(flat));
    assertTrue(e.getMessage().contains("rnn") && e.getMessage().contains("3-D"), e.getMessage());
    KerasTensor seq = Input.shape(5, 3);
    KerasTensor badState = Input.shape(4);
    e = assertThrows(IllegalArgumentException.class,
        () -> new GRU(2).name("g").apply(List.of(seq, badState)));
    assertTrue(e.getMessage().contains("g") && e.getMessage().contains("[batch, 2]"), e.getMessage());
    KerasTensor anyLength = Input.shape(-1, 3);
    Model m = new Model(anyLength, new GRU(2).name("g2").apply(anyLength));
    e = assertThrows(IllegalArgumentException.class, () -> m.predict(LayerHarness.random(1, 2, 5, 3)));
    assertTrue(e.getMessage().contains("g2") && e.getMessage().contains("known number of time steps")
        && e.getMessage().contains("(None, None, 3)") && e.getMessage().contains("Input.shape(20, 3)"),
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Bidirectional(new LSTM(2)).mergeMode("max"));
  }

  @Test
  void initialStatesWorkAndAreWrittenAsKerasWritesThem() {
    KerasTensor seq = Input.shape(4, 3);
    KerasTensor h0 = Input.shape(2);
    KerasTensor c0 = Input.shape(2);
    LSTM lstm = new LSTM(2).name("dec");
    Model m = new Model(List.of(seq, h0, c0), lstm.apply(List.of(seq, h0, c0)));
    FloatNdArray x = LayerHarness.random(1, 2, 4, 3);
    float[] zero = Np.toFloatArray(m.predictAll(List.of(x, Np.array(new float[4], 2, 2),
        Np.array(new float[4], 2, 2))).get(0));
    float[] other = Np.toFloatArray(m.predictAll(List.of(x, LayerHarness.random(2, 2, 2),
        LayerHarness.random(3, 2, 2))).get(0));
    assertNotEquals(zero[0], other[0], "the initial states are used");
    String keras3 = m.toJson();
    assertTrue(keras3.contains("\"initial_state\"") && keras3.contains("\"sequences_shape\""), keras3);
    String keras2 = keras4j.saving.SavingApi.toJson(m, true);
    assertTrue(!keras2.contains("initial_state"), keras2);
    for (String json : List.of(keras3, keras2)) {
      Model back = keras4j.models.Models.fromJson(json);
      back.setWeights(m.getWeights());
      float[] again = Np.toFloatArray(back.predictAll(List.of(x, LayerHarness.random(2, 2, 2),
          LayerHarness.random(3, 2, 2))).get(0));
      assertEquals(other[0], again[0], 0.0, "the initial states are read back as the layer's extra inputs");
    }
  }

  @Test
  void layerOptionsAreTheCellsAndWrittenToConfigs() {
    GRU gru = new GRU(2).activation("relu").useBias(false).kernelInitializer("zeros")
        .recurrentInitializer("ones").kernelRegularizer(new keras4j.regularizers.L2(0.5))
        .recurrentConstraint(new keras4j.constraints.NonNeg()).recurrentActivation("hard_sigmoid").seed(7L);
    java.util.Map<String, Object> c = gru.getConfig();
    assertEquals("relu", c.get("activation"));
    assertEquals("hard_sigmoid", c.get("recurrent_activation"));
    assertEquals(false, c.get("use_bias"));
    assertEquals(7L, ((Number) c.get("seed")).longValue());
    assertTrue(String.valueOf(c.get("kernel_regularizer")).contains("0.5"), String.valueOf(c));
    assertTrue(String.valueOf(c.get("recurrent_constraint")).contains("NonNeg"), String.valueOf(c));
    java.util.Map<String, Object> back = GRU.fromConfig(new LayerConfig("GRU", c)).getConfig();
    c.remove("name");
    back.remove("name");
    assertEquals(c, back, "from_config reads every option back");
    UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
        () -> new SimpleRNNCell(2).name("s").recurrentActivation("sigmoid"));
    assertTrue(e.getMessage().contains("SimpleRNNCell") && e.getMessage().contains("recurrent_activation"),
        e.getMessage());
  }

  @Test
  void fusedLstmAcceptsAnyLength() {
    KerasTensor anyLength = Input.shape(-1, 3);
    Model m = new Model(anyLength, new LSTM(2).apply(anyLength));
    assertEquals(2, m.predict(LayerHarness.random(1, 2, 5, 3)).shape().size(1));
    assertEquals(2, m.predict(LayerHarness.random(1, 2, 9, 3)).shape().size(1));
  }
}
