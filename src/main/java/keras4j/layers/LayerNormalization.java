package keras4j.layers;

import java.util.Map;
import keras4j.backend.Shapes;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code LayerNormalization(axis=-1, epsilon=1e-3, center=True, scale=True, rms_scaling=False)}: normalizes
 * each sample over {@code axis}; with {@code rms_scaling}, {@code x * gamma / sqrt(variance + epsilon)} as Keras 3.15
 * computes it (the variance, not the mean square; Keras deprecates it). Several axes are saved as Keras saves them,
 * but Keras's own legacy .h5 loader keeps only the first axis, so such .h5 files do not load in Keras (.keras ones do).
 */
public class LayerNormalization extends BaseNormalization<LayerNormalization> {
  private final int[] axis;
  private boolean rmsScaling;
  private int[] resolved;

  public LayerNormalization(int... axis) {
    this.axis = axis.length == 0 ? new int[] {-1} : axis.clone();
  }

  /**
   * Keras's {@code rms_scaling}: no centring, no beta. Written to configs only when set: tf.keras 2.x does not know
   * the key and refuses it, Keras 3 defaults it to False.
   */
  public LayerNormalization rmsScaling(boolean r) {
    checkNotBuilt();
    this.rmsScaling = r;
    return this;
  }

  @Override
  protected void build(long[] inputShape) {
    resolved = resolve(axis, inputShape);
    long[] shape = new long[resolved.length];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = inputShape[resolved[i]];
      if (shape[i] < 0) {
        throw new IllegalArgumentException("Layer " + name() + ": axis " + resolved[i] + " of the input shape "
            + Shapes.format(inputShape) + " must be defined");
      }
    }
    createWeights(shape, center && !rmsScaling);
  }

  @Override
  public long[] computeOutputShape(long[] inputShape) {
    resolve(axis, inputShape);
    return inputShape.clone();
  }

  @Override
  protected Operand<TFloat32> call(Ops tf, Operand<TFloat32> x, boolean training) {
    long[] s = x.shape().asArray();
    long[] param = new long[s.length];
    java.util.Arrays.fill(param, 1);
    for (int a : resolved) {
      param[a] = s[a];
    }
    Operand<org.tensorflow.types.TInt32> axes = tf.constant(resolved);
    if (!rmsScaling) {
      return normalize(tf, x, axes, param);
    }
    Operand<TFloat32> mean = tf.math.mean(x, axes, org.tensorflow.op.math.Mean.keepDims(true));
    Operand<TFloat32> variance = tf.math.mean(tf.math.squaredDifference(x, tf.stopGradient(mean)), axes,
        org.tensorflow.op.math.Mean.keepDims(true));
    Operand<TFloat32> y = tf.math.mul(x, tf.math.rsqrt(tf.math.add(variance, tf.constant((float) epsilon))));
    return scale ? tf.math.mul(y, tf.reshape(gamma.value(), tf.constant(param))) : y;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    java.util.List<Integer> axes = new java.util.ArrayList<>();
    for (int a : axis) {
      axes.add(a);
    }
    c.put("axis", axes);
    putShared(c);
    if (rmsScaling) {
      c.put("rms_scaling", true);
    }
    putInitializers(c);
    return c;
  }

  /** Keras's {@code LayerNormalization.from_config}. */
  public static LayerNormalization fromConfig(LayerConfig c) {
    return new LayerNormalization(axesOf(c, "axis", -1)).rmsScaling(c.getBool("rms_scaling", false)).configure(c);
  }
}
