package keras4j.layers;

import java.util.ArrayList;
import java.util.List;
import keras4j.backend.Shapes;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code Merge}: the base of layers that combine several inputs element-wise ({@code Add}, {@code Subtract},
 * {@code Multiply}, {@code Average}, {@code Maximum}, {@code Minimum}), with Keras's broadcasting: the non-batch
 * shapes are aligned at their last axes and axes of length 1 stretch; inputs of lower rank get axes of length 1
 * inserted after the batch axis.
 */
public abstract class Merge<T extends Merge<T>> extends BaseLayer<T> {
  /** Keras's {@code _compute_elemwise_op_output_shape} over non-batch shapes. */
  static long[] broadcast(long[] shape1, long[] shape2) {
    if (shape1.length < shape2.length) {
      return broadcast(shape2, shape1);
    }
    long[] out = shape1.clone();
    int off = shape1.length - shape2.length;
    for (int k = 0; k < shape2.length; k++) {
      long i = shape1[off + k];
      long j = shape2[k];
      if (i < 0 || j < 0) {
        out[off + k] = -1;
      } else if (i == 1) {
        out[off + k] = j;
      } else if (j == 1 || i == j) {
        out[off + k] = i;
      } else {
        throw new IllegalArgumentException("Inputs have incompatible shapes. Received shapes " + Shapes.format(shape1)
            + " and " + Shapes.format(shape2));
      }
    }
    return out;
  }

  /** Checks the number of inputs (Keras: at least 1; Subtract and Dot: exactly 2). */
  protected void checkCount(List<long[]> shapes) {
    if (shapes.isEmpty()) {
      throw new IllegalArgumentException("A merge layer should be called on a list of at least 1 input. Received 0 inputs.");
    }
  }

  static String formatShapes(List<long[]> shapes) {
    List<String> s = new ArrayList<>();
    shapes.forEach(x -> s.add(Shapes.format(x)));
    return "[" + String.join(", ", s) + "]";
  }

  @Override
  public List<long[]> computeOutputShapes(List<long[]> shapes) {
    checkCount(shapes);
    long batch = -1;
    for (long[] s : shapes) {
      if (s.length > 0 && s[0] >= 0) {
        if (batch >= 0 && batch != s[0]) {
          throw new IllegalArgumentException("Cannot merge tensors with different batch sizes. Received tensors with shapes "
              + formatShapes(shapes));
        }
        batch = s[0];
      }
    }
    long[] out = Shapes.dropBatch(shapes.get(0));
    for (int i = 1; i < shapes.size(); i++) {
      out = broadcast(out, Shapes.dropBatch(shapes.get(i)));
    }
    return List.of(Shapes.withBatch(batch, out));
  }

  /** Combines two values. */
  protected abstract Operand<TFloat32> merge(Ops tf, Operand<TFloat32> a, Operand<TFloat32> b);

  /** The result after combining every input (Average divides here). */
  protected Operand<TFloat32> finish(Ops tf, Operand<TFloat32> y, int count) {
    return y;
  }

  @Override
  public List<Operand<TFloat32>> call(Ops tf, List<Operand<TFloat32>> inputs, boolean training) {
    int maxRank = 0;
    for (Operand<TFloat32> x : inputs) {
      maxRank = Math.max(maxRank, x.shape().numDimensions());
    }
    List<Operand<TFloat32>> xs = new ArrayList<>();
    for (Operand<TFloat32> x : inputs) {
      for (int r = x.shape().numDimensions(); r < maxRank; r++) {
        x = tf.expandDims(x, tf.constant(1));
      }
      xs.add(x);
    }
    Operand<TFloat32> y = xs.get(0);
    for (int i = 1; i < xs.size(); i++) {
      y = merge(tf, y, xs.get(i));
    }
    return List.of(finish(tf, y, xs.size()));
  }
}
