package keras4j.layers;

import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Any;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code Masking(mask_value=0.0)}: a time step whose features all equal {@code mask_value} is masked (the
 * layers downstream that read masks skip it) and its outputs are set to 0.
 */
public class Masking extends BaseLayer<Masking> {
  private final double maskValue;

  /** {@code Masking()}: mask value 0. */
  public Masking() {
    this(0.0);
  }

  /** {@code Masking(mask_value)}. */
  public Masking(double maskValue) {
    this.maskValue = maskValue;
  }

  private Operand<TBool> keep(Ops tf, Operand<TFloat32> x, boolean keepDims) {
    return tf.any(tf.math.notEqual(x, tf.constant((float) maskValue)), tf.constant(-1), Any.keepDims(keepDims));
  }

  @Override
  protected Operand<TFloat32> call(Ops tf, Operand<TFloat32> x, boolean training) {
    return tf.select(keep(tf, x, true), x, tf.zerosLike(x));
  }

  @Override
  public boolean producesMask() {
    return true;
  }

  @Override
  public boolean supportsMasking() {
    return true;
  }

  @Override
  public List<Operand<TBool>> computeMask(Ops tf, List<Operand<TFloat32>> inputs, List<Operand<TBool>> masks,
      int outputs) {
    return List.of(keep(tf, inputs.get(0), false));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("mask_value", maskValue);
    return c;
  }

  /** Keras's {@code Masking.from_config}. */
  public static Masking fromConfig(LayerConfig c) {
    return new Masking(c.getDouble("mask_value", 0.0));
  }
}
