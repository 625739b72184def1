package keras4j.constraints;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Keras's {@code keras.constraints.MaxNorm(max_value=2, axis=0)}: rescales weights whose norm exceeds the maximum. */
public class MaxNorm extends NormConstraint {
  private final double maxValue;

  public MaxNorm(double maxValue, int... axis) {
    super(axis.length == 0 ? new int[] {0} : axis);
    if (!(maxValue >= 0)) {
      throw new IllegalArgumentException("MaxNorm needs max_value >= 0, received " + maxValue);
    }
    this.maxValue = maxValue;
  }

  public MaxNorm() {
    this(2);
  }

  @Override
  public Operand<TFloat32> call(Ops tf, Operand<TFloat32> w) {
    return new org.tensorflow.framework.constraints.MaxNorm(maxValue, axis).call(tf, w);
  }

  @Override
  public String className() {
    return "MaxNorm";
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("max_value", maxValue);
    c.put("axis", axisConfig());
    return c;
  }
}
