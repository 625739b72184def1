package keras4j.regularizers;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Keras's {@code keras.regularizers.L1(l1=0.01)} ({@code regularizers.l1}): {@code l1 * sum(|x|)}. */
public class L1 implements Regularizer {
  private final double l1;

  public L1(double l1) {
    if (!Double.isFinite(l1) || l1 < 0) {
      throw new IllegalArgumentException("Regularization factor l1 must be finite and non-negative, received " + l1);
    }
    this.l1 = l1;
  }

  public L1() {
    this(0.01);
  }

  public double l1() {
    return l1;
  }

  @Override
  public Operand<TFloat32> call(Ops tf, Operand<TFloat32> x) {
    return new org.tensorflow.framework.regularizers.L1((float) l1).call(tf, x);
  }

  @Override
  public String className() {
    return "L1";
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("l1", l1);
    return c;
  }
}
