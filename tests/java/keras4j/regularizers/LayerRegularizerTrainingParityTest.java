package keras4j.regularizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import keras4j.constraints.MaxNorm;
import keras4j.constraints.NonNeg;
import keras4j.constraints.UnitNorm;
import keras4j.layers.Embedding;
import keras4j.layers.LSTM;
import keras4j.layers.SeparableConv2D;
import keras4j.models.Model;
import keras4j.models.Models;
import keras4j.optimizers.Adam;
import keras4j.optimizers.SGD;
import keras4j.saving.Json;
import keras4j.testing.KerasPython;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regularizers and constraints on the layers beyond Dense and the plain convolutions train as in Keras 3.15.1:
 * DepthwiseConv2D, SeparableConv2D, LayerNormalization, PReLU, BatchNormalization, GroupNormalization, Embedding,
 * LSTM and a Bidirectional GRU. Real Keras saves each model untrained and trains it 3 epochs (batch 4 over 10
 * samples); keras4j loads the same file (.keras and .h5) and trains it the same way (weights 1e-4, losses 1e-5
 * relative), with the helpers of {@link RegularizerTrainingParityTest}.
 */
class LayerRegularizerTrainingParityTest {
  @TempDir
  static Path dir;
  static Map<String, Object> keras;

  @BeforeAll
  static void runKeras() {
    String out = KerasPython.run(Path.of("tests/python/regularizer_training.py"), 600, dir.toString(), "layers");
    keras = Json.parseObject(out.substring(out.indexOf('{')), "regularizer_training.py");
  }

  @Test
  void depthwiseAndSeparableConvolutionsTrainAsKeras() {
    RegularizerTrainingParityTest.check(keras, dir, "separable", "keras", new Adam(0.01));
    RegularizerTrainingParityTest.check(keras, dir, "separable", "h5", new Adam(0.01));
  }

  @Test
  void normalizationsAndPReLUTrainAsKeras() {
    RegularizerTrainingParityTest.check(keras, dir, "norm", "keras", new SGD(0.1));
    RegularizerTrainingParityTest.check(keras, dir, "norm", "h5", new SGD(0.1));
  }

  @Test
  void embeddingAndRecurrentLayersTrainAsKeras() {
    RegularizerTrainingParityTest.check(keras, dir, "seq", "keras", new Adam(0.01));
    RegularizerTrainingParityTest.check(keras, dir, "seq", "h5", new Adam(0.01));
  }

  @Test
  void regularizersAndConstraintsAreReadFromKerasFiles() {
    try (Model m = Models.load(dir.resolve("seq.keras"))) {
      Embedding e = (Embedding) m.getLayer("emb");
      assertEquals(0.01, ((L2) e.weightRegularizer("embeddings")).l2(), 1e-8);
      assertTrue(e.weightConstraint("embeddings") instanceof UnitNorm);
      assertEquals(0.001, ((L1) e.activityRegularizer()).l1(), 1e-8);
      LSTM l = (LSTM) m.getLayer("lstm");
      assertEquals(3, l.regularizers().size(), "kernel, recurrent_kernel and bias regularizers of the LSTM");
      assertEquals(3, l.constraints().size(), "kernel, recurrent_kernel and bias constraints of the LSTM");
      assertEquals(0.001, ((L2) l.activityRegularizer()).l2(), 1e-8);
      assertEquals(2, m.getLayer("bi").regularizers().size(), "the forward and backward GRU kernels");
    }
    try (Model m = Models.load(dir.resolve("separable.h5"))) {
      SeparableConv2D s = (SeparableConv2D) m.getLayer("sep");
      assertEquals(0.02, ((L1) s.weightRegularizer("depthwise_kernel")).l1(), 1e-8);
      assertEquals(0.03, ((L2) s.weightRegularizer("pointwise_kernel")).l2(), 1e-8);
      assertTrue(s.weightConstraint("depthwise_kernel") instanceof NonNeg);
      assertTrue(m.getLayer("dw").weightConstraint("kernel") instanceof MaxNorm);
    }
  }
}
