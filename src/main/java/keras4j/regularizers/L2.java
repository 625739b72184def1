package keras4j.regularizers;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Keras's {@code keras.regularizers.L2(l2=0.01)} ({@code regularizers.l2}): {@code l2 * sum(x^2)}. */
public class L2 implements Regularizer {
  private final double l2;

  public L2(double l2) {
    if (!Double.isFinite(l2) || l2 < 0) {
      throw new IllegalArgumentException("Regularization factor l2 must be finite and non-negative, received " + l2);
    }
    this.l2 = l2;
  }

  public L2() {
    this(0.01);
  }

  public double l2() {
    return l2;
  }

  @Override
  public Operand<TFloat32> call(Ops tf, Operand<TFloat32> x) {
    return new org.tensorflow.framework.regularizers.L2((float) l2).call(tf, x);
  }

  @Override
  public String className() {
    return "L2";
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("l2", l2);
    return c;
  }
}
