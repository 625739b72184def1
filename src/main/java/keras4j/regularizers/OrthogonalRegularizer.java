package keras4j.regularizers;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code keras.regularizers.OrthogonalRegularizer(factor=0.01, mode="rows")}: {@code factor * 0.5 *
 * sum(|P - diag(P)|) / (n (n - 1) / 2)} where {@code P} holds the dot products of the L2-normalized rows (or columns)
 * of a rank-2 weight.
 */
public class OrthogonalRegularizer implements Regularizer {
  private final double factor;
  private final boolean rows;

  public OrthogonalRegularizer(double factor, String mode) {
    if (!Double.isFinite(factor) || factor < 0) {
      throw new IllegalArgumentException("Invalid value for argument factor: expected a non-negative float, received "
          + factor);
    }
    if (!"rows".equals(mode) && !"columns".equals(mode)) {
      throw new IllegalArgumentException("Invalid value for argument `mode`. Expected one of {\"rows\", \"columns\"}. "
          + "Received: mode=" + mode);
    }
    this.factor = factor;
    this.rows = mode.equals("rows");
  }

  public OrthogonalRegularizer() {
    this(0.01, "rows");
  }

  @Override
  public Operand<TFloat32> call(Ops tf, Operand<TFloat32> x) {
    long[] s = x.shape().asArray();
    if (s.length != 2) {
      throw new IllegalArgumentException("Inputs to OrthogonalRegularizer must have rank 2. Received: inputs.shape="
          + x.shape());
    }
    int axis = rows ? 1 : 0;
    Operand<TFloat32> sq = tf.sum(tf.math.square(x), tf.constant(axis), org.tensorflow.op.core.Sum.keepDims(true));
    Operand<TFloat32> inv = tf.math.minimum(tf.math.rsqrt(sq), tf.constant(1f / 1e-7f));
    Operand<TFloat32> n = tf.math.mul(x, inv);
    Operand<TFloat32> product = rows
        ? tf.linalg.matMul(n, n, org.tensorflow.op.linalg.MatMul.transposeB(true))
        : tf.linalg.matMul(n, n, org.tensorflow.op.linalg.MatMul.transposeA(true));
    long size = rows ? s[0] : s[1];
    if (size < 0) {
      throw new IllegalArgumentException("OrthogonalRegularizer needs a known weight shape, received " + x.shape());
    }
    float[][] mask = new float[(int) size][(int) size];
    for (int i = 0; i < size; i++) {
      for (int j = 0; j < size; j++) {
        mask[i][j] = i == j ? 0f : 1f;
      }
    }
    Operand<TFloat32> off = tf.math.mul(product, tf.constant(mask));
    double pairs = size * (size - 1.0) / 2.0;
    Operand<TFloat32> total = L1L2.sumAll(tf, tf.math.abs(off));
    return tf.math.div(tf.math.mul(tf.constant((float) factor), tf.math.mul(tf.constant(0.5f), total)),
        tf.constant((float) pairs));
  }

  @Override
  public String className() {
    return "OrthogonalRegularizer";
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("factor", factor);
    c.put("mode", rows ? "rows" : "columns");
    return c;
  }
}
