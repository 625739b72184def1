package keras4j.layers;

import java.util.List;
import java.util.Map;
import keras4j.backend.Shapes;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Keras's {@code Concatenate(axis=-1)}. */
public class Concatenate extends BaseLayer<Concatenate> {
  private final int axis;

  /** Keras's {@code Concatenate()}: along the last axis. */
  public Concatenate() {
    this(-1);
  }

  /** Keras's {@code Concatenate(axis=...)}. */
  public Concatenate(int axis) {
    this.axis = axis;
  }

  @Override
  public List<long[]> computeOutputShapes(List<long[]> shapes) {
    if (shapes.size() < 2) {
      throw new IllegalArgumentException("A Concatenate layer should be called on a list of at least 2 inputs. Received: "
          + shapes.size() + " inputs");
    }
    long[] out = shapes.get(0).clone();
    int a = axis < 0 ? out.length + axis : axis;
    for (int k = 1; k < shapes.size(); k++) {
      long[] s = shapes.get(k);
      if (s.length != out.length) {
        throw new IllegalArgumentException("A Concatenate layer requires inputs of the same rank; received "
            + Shapes.format(shapes.get(0)) + " and " + Shapes.format(s));
      }
      for (int i = 1; i < s.length; i++) {
        if (i == a) {
          out[i] = out[i] < 0 || s[i] < 0 ? -1 : out[i] + s[i];
        } else if (out[i] >= 0 && s[i] >= 0 && out[i] != s[i]) {
          throw new IllegalArgumentException("A Concatenate layer requires inputs with matching shapes except for the concatenation axis. Received: input_shape="
              + Shapes.format(shapes.get(0)) + " and " + Shapes.format(s));
        }
      }
    }
    return List.of(out);
  }

  @Override
  public List<Operand<TFloat32>> call(Ops tf, List<Operand<TFloat32>> inputs, boolean training) {
    return List.of(tf.concat(inputs, tf.constant(axis)));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("axis", axis);
    return c;
  }

  /** Keras's {@code Concatenate.from_config}. */
  public static Concatenate fromConfig(LayerConfig c) {
    return new Concatenate(c.getInt("axis", -1));
  }
}
