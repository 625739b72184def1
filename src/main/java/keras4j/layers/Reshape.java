package keras4j.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import keras4j.backend.Shapes;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Keras's {@code Reshape(target_shape)}; one dimension may be -1 and is inferred. */
public class Reshape extends BaseLayer<Reshape> {
  private final long[] targetShape;

  /** Keras's {@code Reshape(target_shape)}; one dimension may be -1. */
  public Reshape(long... targetShape) {
    if (targetShape == null || targetShape.length == 0) {
      throw new IllegalArgumentException("Reshape needs a target shape, received none");
    }
    int unknown = 0;
    for (long d : targetShape) {
      if (d == -1) {
        unknown++;
      } else if (d <= 0) {
        throw new IllegalArgumentException("Reshape target shape dimensions must be positive or -1, received "
            + Shapes.format(targetShape));
      }
    }
    if (unknown > 1) {
      throw new IllegalArgumentException("There must be at most one unknown dimension (-1) in the target shape, received "
          + Shapes.format(targetShape));
    }
    this.targetShape = targetShape.clone();
  }

  /** Keras's {@code layer.target_shape}. */
  public long[] targetShape() {
    return targetShape.clone();
  }

  @Override
  public long[] computeOutputShape(long[] inputShape) {
    long in = Shapes.product(inputShape, 1);
    long known = 1;
    int unknownAt = -1;
    for (int i = 0; i < targetShape.length; i++) {
      if (targetShape[i] == -1) {
        unknownAt = i;
      } else {
        known *= targetShape[i];
      }
    }
    long[] out = Shapes.withBatch(inputShape[0], targetShape);
    if (in < 0) {
      return out;
    }
    if (unknownAt >= 0) {
      if (in % known != 0) {
        throw new IllegalArgumentException("The total size of the tensor must be unchanged. Received: input_shape="
            + Shapes.format(Shapes.dropBatch(inputShape)) + ", target_shape=" + Shapes.format(targetShape));
      }
      out[unknownAt + 1] = in / known;
    } else if (known != in) {
      throw new IllegalArgumentException("The total size of the tensor must be unchanged. Received: input_shape="
          + Shapes.format(Shapes.dropBatch(inputShape)) + ", target_shape=" + Shapes.format(targetShape));
    }
    return out;
  }

  @Override
  protected Operand<TFloat32> call(Ops tf, Operand<TFloat32> input, boolean training) {
    long[] out = computeOutputShape(input.shape().asArray());
    out[0] = -1;
    return tf.reshape(input, tf.constant(out));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    List<Long> t = new ArrayList<>();
    for (long d : targetShape) {
      t.add(d);
    }
    c.put("target_shape", t);
    return c;
  }

  /** Keras's {@code Reshape.from_config}. */
  public static Reshape fromConfig(LayerConfig c) {
    return new Reshape(c.getShape("target_shape"));
  }
}
