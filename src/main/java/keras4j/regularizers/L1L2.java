package keras4j.regularizers;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code keras.regularizers.L1L2(l1=0.0, l2=0.0)}: {@code l1 * sum(|x|) + l2 * sum(x^2)}, computed by
 * tensorflow-framework's {@code L1L2} (equal to Keras 3.15.1's value in float32).
 */
public class L1L2 implements Regularizer {
  private final double l1;
  private final double l2;

  public L1L2(double l1, double l2) {
    if (!Double.isFinite(l1) || !Double.isFinite(l2) || l1 < 0 || l2 < 0) {
      throw new IllegalArgumentException("Regularization factors must be finite and non-negative, received l1=" + l1
          + ", l2=" + l2);
    }
    this.l1 = l1;
    this.l2 = l2;
  }

  public double l1() {
    return l1;
  }

  public double l2() {
    return l2;
  }

  @Override
  public Operand<TFloat32> call(Ops tf, Operand<TFloat32> x) {
    return new org.tensorflow.framework.regularizers.L1L2((float) l1, (float) l2).call(tf, x);
  }

  static Operand<TFloat32> sumAll(Ops tf, Operand<TFloat32> x) {
    return tf.sum(x, tf.range(tf.constant(0), tf.rank(x), tf.constant(1)));
  }

  @Override
  public String className() {
    return "L1L2";
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("l1", l1);
    c.put("l2", l2);
    return c;
  }
}
