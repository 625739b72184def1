package keras4j.constraints;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Keras's {@code keras.constraints.UnitNorm(axis=0)}: {@code w / (epsilon + norm(w))}. */
public class UnitNorm extends NormConstraint {
  public UnitNorm(int... axis) {
    super(axis.length == 0 ? new int[] {0} : axis);
  }

  @Override
  public Operand<TFloat32> call(Ops tf, Operand<TFloat32> w) {
    return new org.tensorflow.framework.constraints.UnitNorm(axis).call(tf, w);
  }

  @Override
  public String className() {
    return "UnitNorm";
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("axis", axisConfig());
    return c;
  }
}
