package keras4j.backend;

import java.lang.reflect.Field;
import java.util.Iterator;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Output;
import org.tensorflow.internal.c_api.TF_Graph;
import org.tensorflow.internal.c_api.TF_Input;
import org.tensorflow.internal.c_api.TF_Output;
import org.tensorflow.internal.c_api.TF_Status;
import org.tensorflow.internal.c_api.global.tensorflow;

/**
 * Lets grappler fuse {@code BiasAdd + Relu} into the matrix multiply or convolution before it in training graphs, as
 * it does for Keras on TensorFlow. TensorFlow's C++ gradient of {@code Relu} (the one graph-mode gradients use; Python
 * TensorFlow's reads the output) computes {@code ReluGrad(dy, features)} from the Relu's input, the BiasAdd's output,
 * which then has two consumers, and grappler's remapper only fuses a BiasAdd with one. After the gradients are built,
 * each such {@code ReluGrad} (and {@code Relu6Grad}) is re-pointed at the Relu's output: {@code relu(z) > 0} exactly
 * when {@code z > 0} (and {@code 0 < relu6(z) < 6} when {@code 0 < z < 6}), so the gradient is bit for bit the same.
 * {@code -Dkeras4j.reluGradFromOutput=false} keeps TensorFlow's wiring.
 */
final class ReluGradients {
  private static final Field HANDLE = handleField();
  private ReluGradients() {}

  private static Field handleField() {
    try {
      Field f = Graph.class.getDeclaredField("nativeHandle");
      f.setAccessible(true);
      return f;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  static boolean enabled() {
    return HANDLE != null && !"false".equals(System.getProperty("keras4j.reluGradFromOutput"));
  }

  /**
   * Re-points every ReluGrad / Relu6Grad from position {@code from} of the graph on (the ops created since the caller
   * last asked, none of which a session ran yet) that reads a Relu's input at that Relu's output; returns the number
   * of ops in the graph.
   */
  static long rewire(Graph graph, long from) {
    TF_Graph handle = null;
    if (enabled()) {
      try {
        handle = (TF_Graph) HANDLE.get(graph);
      } catch (IllegalAccessException e) {
        handle = null;
      }
    }
    long index = 0;
    for (Iterator<GraphOperation> it = graph.operations(); it.hasNext(); index++) {
      GraphOperation grad = it.next();
      if (handle == null || index < from) {
        continue;
      }
      String forward = switch (grad.type()) {
        case "ReluGrad" -> "Relu";
        case "Relu6Grad" -> "Relu6";
        default -> null;
      };
      if (forward == null || grad.numInputs() != 2) {
        continue;
      }
      Output<?> features = grad.input(1);
      GraphOperation source = (GraphOperation) features.op();
      if (source.type().equals(forward)) {
        continue;
      }
      GraphOperation activation = null;
      for (GraphOperation c : source.consumers(features.index())) {
        if (c.type().equals(forward) && c.numInputs() == 1 && c.input(0).op().name().equals(source.name())
            && c.input(0).index() == features.index()) {
          activation = c;
          break;
        }
      }
      if (activation == null) {
        continue;
      }
      TF_Status status = TF_Status.newStatus();
      try (TF_Output relu = new TF_Output(); TF_Input gradInput = new TF_Input()) {
        relu.oper(activation.getUnsafeNativeHandle()).index(0);
        gradInput.oper(grad.getUnsafeNativeHandle()).index(1);
        tensorflow.TF_UpdateEdge(handle, relu, gradInput, status);
      } finally {
        status.delete();
      }
    }
    return index;
  }
}
