package keras4j.constraints;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code keras.constraints.MinMaxNorm(min_value=0.0, max_value=1.0, rate=1.0, axis=0)}: moves each norm
 * towards {@code [min_value, max_value]} by {@code rate}.
 */
public class MinMaxNorm extends NormConstraint {
  private final double minValue;
  private final double maxValue;
  private final double rate;

  public MinMaxNorm(double minValue, double maxValue, double rate, int... axis) {
    super(axis.length == 0 ? new int[] {0} : axis);
    if (!(minValue <= maxValue) || !(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException("MinMaxNorm needs min_value <= max_value and 0 <= rate <= 1, received min_value="
          + minValue + ", max_value=" + maxValue + ", rate=" + rate);
    }
    this.minValue = minValue;
    this.maxValue = maxValue;
    this.rate = rate;
  }

  public MinMaxNorm() {
    this(0.0, 1.0, 1.0);
  }

  @Override
  public Operand<TFloat32> call(Ops tf, Operand<TFloat32> w) {
    return new org.tensorflow.framework.constraints.MinMaxNorm(minValue, maxValue, rate, axis).call(tf, w);
  }

  @Override
  public String className() {
    return "MinMaxNorm";
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("min_value", minValue);
    c.put("max_value", maxValue);
    c.put("rate", rate);
    c.put("axis", axisConfig());
    return c;
  }
}
