package keras4j.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import keras4j.layers.Conv2D;
import keras4j.layers.Dense;
import keras4j.layers.Flatten;
import keras4j.layers.Input;
import keras4j.layers.KerasTensor;
import keras4j.models.Fit;
import keras4j.models.Model;
import keras4j.utils.Np;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tensorflow.GraphOperation;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * ReluGrad reads the Relu's output, so grappler fuses BiasAdd + Relu into the MatMul / Conv2D of training graphs,
 * and training computes the same weights bit for bit as with TensorFlow's own wiring.
 */
class ReluGradientsTest {
  @AfterEach
  void clear() {
    System.clearProperty("keras4j.reluGradFromOutput");
    Backend.clearSession();
  }

  private static Model model() {
    KerasTensor in = Input.shape(6, 6, 1);
    KerasTensor x = new Conv2D(4, 3, 3).activation("relu").padding("same").apply(in);
    x = new Flatten().apply(x);
    x = new Dense(8, "relu").apply(x);
    return new Model(in, new Dense(36, "sigmoid").apply(x));
  }

  private static FloatNdArray data() {
    java.util.Random r = new java.util.Random(3);
    float[] v = new float[8 * 36];
    for (int i = 0; i < v.length; i++) {
      v[i] = r.nextFloat();
    }
    return Np.array(v, 8, 6, 6, 1);
  }

  /**
   * Weights after 5 steps of Adam, the kernel types the layers' forward ops ran as in a profiled step (the loss
   * has a Relu of its own), and the ReluGrads' inputs.
   */
  private record Run(List<float[]> weights, Set<String> kernels, List<String> reluGradInputs) {}

  private static Run train() {
    Backend.clearSession();
    Backend.setRandomSeed(7);
    Model m = model();
    m.compile("adam", "binary_crossentropy");
    FloatNdArray x = data();
    FloatNdArray y = Np.array(Np.toFloatArray(x), 8, 36);
    m.fit(x, y, Fit.epochs(2), Fit.batchSize(4), Fit.shuffle(false), Fit.verbose(0));
    Context ctx = Context.current();
    ctx.startProfiling();
    m.fit(x, y, Fit.epochs(1), Fit.batchSize(8), Fit.shuffle(false), Fit.verbose(0));
    Set<String> kernels = new java.util.TreeSet<>();
    for (String row : ctx.stopProfiling().nodes(10000)) {
      String node = row.trim().replaceAll("\\s+[0-9.]+ ms$", "");
      if (node.startsWith("train/")) {
        kernels.add(node.replaceAll(".* \\((.*)\\)$", "$1"));
      }
    }
    List<float[]> w = new ArrayList<>();
    m.getWeights().forEach(a -> w.add(Np.toFloatArray(a)));
    List<String> inputs = new ArrayList<>();
    Iterator<GraphOperation> it = ctx.graph().operations();
    while (it.hasNext()) {
      GraphOperation op = it.next();
      if (op.type().equals("ReluGrad")) {
        inputs.add(op.input(1).op().type());
      }
    }
    m.close();
    return new Run(w, kernels, inputs);
  }

  @Test
  void fusesReluIntoTrainingKernelsWithTheSameWeights() {
    Run rewired = train();
    System.setProperty("keras4j.reluGradFromOutput", "false");
    Run plain = train();
    assertEquals(List.of("Relu", "Relu"), rewired.reluGradInputs());
    assertEquals(List.of("BiasAdd", "BiasAdd"), plain.reluGradInputs());
    assertTrue(plain.kernels().contains("Relu"), plain.kernels().toString());
    assertFalse(rewired.kernels().contains("Relu"), "a Relu ran unfused: " + rewired.kernels());
    assertEquals(plain.weights().size(), rewired.weights().size());
    for (int i = 0; i < plain.weights().size(); i++) {
      assertArrayEquals(plain.weights().get(i), rewired.weights().get(i), "weight " + i);
    }
  }
}
