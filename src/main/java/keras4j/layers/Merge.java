package keras4j.layers;

import java.util.List;
import keras4j.backend.Shapes;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Keras's {@code _Merge}: the base of layers that combine several inputs of one shape element-wise. */
public abstract class Merge<T extends Merge<T>> extends BaseLayer<T> {
  @Override
  public List<long[]> computeOutputShapes(List<long[]> shapes) {
    if (shapes.size() < 2) {
      throw new IllegalArgumentException("A merge layer should be called on a list of at least 2 inputs. Got "
          + shapes.size() + " inputs.");
    }
    long[] first = shapes.get(0);
    for (long[] s : shapes) {
      if (!Shapes.compatible(first, s)) {
        throw new IllegalArgumentException("Inputs of layer " + name() + " must have the same shape; received "
            + Shapes.format(first) + " and " + Shapes.format(s));
      }
    }
    return List.of(first.clone());
  }

  /** Combines two values. */
  protected abstract Operand<TFloat32> merge(Ops tf, Operand<TFloat32> a, Operand<TFloat32> b);

  @Override
  public List<Operand<TFloat32>> call(Ops tf, List<Operand<TFloat32>> inputs, boolean training) {
    Operand<TFloat32> y = inputs.get(0);
    for (int i = 1; i < inputs.size(); i++) {
      y = merge(tf, y, inputs.get(i));
    }
    return List.of(y);
  }
}
