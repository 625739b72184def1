package keras4j.initializers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Keras's Orthogonal: orthonormal columns (rows when wider than tall), scaled by gain; by name and by config. */
class OrthogonalTest {
  private static double dot(float[] w, int cols, int a, int b, boolean byColumns, int rows) {
    double s = 0;
    int n = byColumns ? rows : cols;
    for (int i = 0; i < n; i++) {
      s += byColumns ? (double) w[i * cols + a] * w[i * cols + b] : (double) w[a * cols + i] * w[b * cols + i];
    }
    return s;
  }

  @Test
  void columnsOrRowsAreOrthonormalTimesGain() {
    for (long[] shape : new long[][] {{6, 4}, {4, 12}, {3, 2, 5}, {5, 5}}) {
      double gain = 1.5;
      float[] w = new Orthogonal(gain, null).generate(shape, new Random(3));
      int cols = (int) shape[shape.length - 1];
      int rows = w.length / cols;
      boolean byColumns = rows >= cols;
      int k = Math.min(rows, cols);
      for (int a = 0; a < k; a++) {
        for (int b = 0; b < k; b++) {
          assertEquals(a == b ? gain * gain : 0.0, dot(w, cols, a, b, byColumns, rows), 1e-5,
              java.util.Arrays.toString(shape) + " " + a + "," + b);
        }
      }
    }
  }

  @Test
  void resolvesByNameAndConfigAndSeeds() {
    Initializer byName = Initializers.get("orthogonal");
    assertEquals("Orthogonal", byName.className());
    Initializer seeded = Initializers.fromConfig("Orthogonal", Map.of("gain", 2.0, "seed", 5));
    assertEquals(2.0, seeded.getConfig().get("gain"));
    float[] a = seeded.generate(new long[] {4, 4}, new Random(1));
    float[] b = seeded.generate(new long[] {4, 4}, new Random(2));
    assertEquals(a[3], b[3], 0f, "a seed makes the values reproducible");
    assertNotEquals(a[3], byName.generate(new long[] {4, 4}, new Random(1))[3]);
    assertThrows(IllegalArgumentException.class, () -> byName.generate(new long[] {4}, new Random(1)));
  }
}
