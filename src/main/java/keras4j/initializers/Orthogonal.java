package keras4j.initializers;

import java.util.Map;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * Keras's {@code Orthogonal(gain=1.0, seed=None)}, the default recurrent initializer: a standard-normal matrix of
 * shape {@code (max(rows, cols), min(rows, cols))} (rows = product of all but the last dimension), its QR
 * factorization's Q with columns signed by {@code sign(diag(R))}, transposed when rows < cols, times {@code gain}.
 * Q is computed by modified Gram-Schmidt in double precision, which gives the sign-corrected Q directly.
 */
public class Orthogonal extends Initializer {
  private final double gain;
  private final Long seed;

  /** {@code Orthogonal()}: gain 1. */
  public Orthogonal() {
    this(1.0, null);
  }

  /** {@code Orthogonal(gain, seed)}. */
  public Orthogonal(double gain, Long seed) {
    this.gain = gain;
    this.seed = seed;
  }

  @Override
  public float[] generate(long[] shape, RandomGenerator rng) {
    if (shape.length < 2) {
      throw new IllegalArgumentException("The tensor to initialize must be at least two-dimensional. Received: shape="
          + java.util.Arrays.toString(shape) + " of rank " + shape.length + ".");
    }
    long rowsL = 1;
    for (int i = 0; i < shape.length - 1; i++) {
      rowsL *= shape[i];
    }
    int rows = (int) rowsL;
    int cols = (int) shape[shape.length - 1];
    int n = Math.max(rows, cols);
    int k = Math.min(rows, cols);
    count(shape);
    RandomGenerator r = seed != null ? new Random(seed) : rng;
    double[][] q = new double[k][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < k; j++) {
        q[j][i] = r.nextGaussian();
      }
    }
    for (int j = 0; j < k; j++) {
      for (int p = 0; p < j; p++) {
        double dot = 0;
        for (int i = 0; i < n; i++) {
          dot += q[p][i] * q[j][i];
        }
        for (int i = 0; i < n; i++) {
          q[j][i] -= dot * q[p][i];
        }
      }
      double norm = 0;
      for (int i = 0; i < n; i++) {
        norm += q[j][i] * q[j][i];
      }
      norm = Math.sqrt(norm);
      for (int i = 0; i < n; i++) {
        q[j][i] /= norm;
      }
    }
    float[] out = new float[rows * cols];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        double v = rows >= cols ? q[j][i] : q[i][j];
        out[i * cols + j] = (float) (gain * v);
      }
    }
    return out;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("seed", seed);
    c.put("gain", gain);
    return c;
  }
}
