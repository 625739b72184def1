package keras4j.layers;

import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Keras's {@code UnitNormalization(axis=-1)}: {@code x * min(1 / ||x||, 1e12)} along {@code axis}. */
public class UnitNormalization extends BaseLayer<UnitNormalization> {
  private final int[] axis;

  public UnitNormalization(int... axis) {
    this.axis = axis.length == 0 ? new int[] {-1} : axis.clone();
  }

  @Override
  public long[] computeOutputShape(long[] inputShape) {
    BaseNormalization.resolve(axis, inputShape);
    return inputShape.clone();
  }

  @Override
  protected Operand<TFloat32> call(Ops tf, Operand<TFloat32> x, boolean training) {
    return l2Normalize(tf, x, BaseNormalization.resolve(axis, x.shape().asArray()), 1e-12f);
  }

  /** Keras's {@code ops.normalize(x, axis, order=2, epsilon)}. */
  static Operand<TFloat32> l2Normalize(Ops tf, Operand<TFloat32> x, int[] axes, float epsilon) {
    Operand<TFloat32> sq = tf.reduceSum(tf.math.square(x), tf.constant(axes), org.tensorflow.op.core.ReduceSum.keepDims(true));
    Operand<TFloat32> inv = tf.math.minimum(tf.math.rsqrt(sq), tf.constant(1f / epsilon));
    return tf.math.mul(x, inv);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("axis", BaseNormalization.axesConfig(axis));
    return c;
  }

  /** Keras's {@code UnitNormalization.from_config}. */
  public static UnitNormalization fromConfig(LayerConfig c) {
    return new UnitNormalization(BaseNormalization.axesOf(c, "axis", -1));
  }
}
