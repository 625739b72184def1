package keras4j.layers;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import keras4j.backend.KerasVariable;
import keras4j.backend.Shapes;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code TimeDistributed(layer)}: applies {@code layer} to every time step of a {@code [batch, time, ...]}
 * input (the steps are folded into the batch, as Keras does). The wrapped layer's weights are this layer's.
 */
public class TimeDistributed extends BaseLayer<TimeDistributed> {
  private final Layer layer;

  /** {@code TimeDistributed(layer)}. */
  public TimeDistributed(Layer layer) {
    if (layer == null) {
      throw new IllegalArgumentException("TimeDistributed needs a layer, received null");
    }
    this.layer = layer;
    inputSpec(InputSpec.minNdim(3));
  }

  /** Keras's {@code wrapper.layer}. */
  public Layer layer() {
    return layer;
  }

  private static long[] inner(long[] s) {
    long[] out = new long[s.length - 1];
    out[0] = s[0] < 0 || s[1] < 0 ? -1 : s[0] * s[1];
    System.arraycopy(s, 2, out, 1, s.length - 2);
    return out;
  }

  @Override
  protected void build(long[] inputShape) {
    if (inputShape.length < 3) {
      throw new IllegalArgumentException("Layer " + name() + " (TimeDistributed) expects an input of rank 3 or more, "
          + "received shape " + Shapes.format(inputShape));
    }
    layer.buildOnce(List.of(inner(inputShape)));
  }

  @Override
  public long[] computeOutputShape(long[] inputShape) {
    long[] y = layer.computeOutputShape(inner(inputShape));
    long[] out = new long[y.length + 1];
    out[0] = inputShape[0];
    out[1] = inputShape[1];
    System.arraycopy(y, 1, out, 2, y.length - 1);
    return out;
  }

  @Override
  public boolean supportsMasking() {
    return true;
  }

  @Override
  protected Operand<TFloat32> call(Ops tf, Operand<TFloat32> x, boolean training) {
    long[] s = x.shape().asArray();
    long steps = s[1];
    if (steps < 0) {
      throw new IllegalArgumentException("Layer " + name() + " (TimeDistributed) needs a known number of time steps, "
          + "received shape " + x.shape());
    }
    long[] flat = inner(s);
    flat[0] = -1;
    Operand<TFloat32> y = layer.call(tf, List.of(tf.reshape(x, tf.constant(flat))), training).get(0);
    long[] ys = y.shape().asArray();
    long[] target = new long[ys.length + 1];
    target[0] = -1;
    target[1] = steps;
    System.arraycopy(ys, 1, target, 2, ys.length - 1);
    return tf.reshape(y, tf.constant(target));
  }

  @Override
  public List<KerasVariable> trainableWeights() {
    return trainable() ? layer.trainableWeights() : List.of();
  }

  @Override
  public List<KerasVariable> nonTrainableWeights() {
    return trainable() ? layer.nonTrainableWeights() : layer.weights();
  }

  @Override
  public Map<String, Layer> trackedLayers() {
    return Map.of("layer", layer);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("layer", layer);
    return c;
  }

  /** Keras's {@code TimeDistributed.from_config}; {@code layers} reads the nested layer entry. */
  public static TimeDistributed fromConfig(LayerConfig c, Function<Object, Layer> layers) {
    return new TimeDistributed(layers.apply(c.map().get("layer")));
  }
}
