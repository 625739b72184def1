package keras4j.neighbors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import keras4j.utils.Np;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.FloatNdArray;

class KNeighborsClassifierTest {

  private static float[] random(Random r, int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = r.nextFloat();
    }
    return v;
  }

  private static int[] labels(Random r, int n, int classes) {
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = r.nextInt(classes);
    }
    return y;
  }

  /** Indices of the k nearest rows in double precision, ties to the earlier row. */
  private static int[][] bruteNeighbors(float[] x, int n, float[] q, int nq, int d, int k) {
    int[][] out = new int[nq][];
    for (int i = 0; i < nq; i++) {
      double[] dist = new double[n];
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int t = 0; t < d; t++) {
          double diff = (double) q[i * d + t] - x[j * d + t];
          s += diff * diff;
        }
        dist[j] = s;
      }
      out[i] = IntStream.range(0, n).boxed()
          .sorted(Comparator.<Integer>comparingDouble(j -> dist[j]).thenComparingInt(j -> j))
          .limit(k).mapToInt(Integer::intValue).toArray();
    }
    return out;
  }

  private static int[] bruteVote(int[][] neighbors, int[] y) {
    int[] out = new int[neighbors.length];
    for (int i = 0; i < neighbors.length; i++) {
      java.util.TreeMap<Integer, Integer> counts = new java.util.TreeMap<>();
      for (int j : neighbors[i]) {
        counts.merge(y[j], 1, Integer::sum);
      }
      int best = Integer.MIN_VALUE;
      int bestCount = -1;
      for (var e : counts.entrySet()) {
        if (e.getValue() > bestCount) {
          best = e.getKey();
          bestCount = e.getValue();
        }
      }
      out[i] = best;
    }
    return out;
  }

  private static void compareWithBruteForce(int d, long seed) {
    Random r = new Random(seed);
    int n = 300;
    int nq = 50;
    float[] x = random(r, n * d);
    float[] q = random(r, nq * d);
    int[] y = labels(r, n, 4);
    int[][] expected = bruteNeighbors(x, n, q, nq, d, 7);
    int[] expectedLabels = bruteVote(expected, y);
    for (long memory : new long[] {KNeighborsClassifier.DEFAULT_WORKING_MEMORY_MIB << 20, 4096, 4}) {
      try (KNeighborsClassifier knn = new KNeighborsClassifier(7).workingMemory(memory)) {
        knn.fit(Np.array(x, n, d), y);
        KNeighborsClassifier.Neighbors nb = knn.kneighbors(Np.array(q, nq, d));
        for (int i = 0; i < nq; i++) {
          assertArrayEquals(expected[i], nb.indices()[i], "neighbours of query " + i + ", working memory " + memory);
          for (int j = 0; j < 7; j++) {
            double exact = 0;
            for (int t = 0; t < d; t++) {
              double diff = (double) q[i * d + t] - x[expected[i][j] * d + t];
              exact += diff * diff;
            }
            assertEquals(Math.sqrt(exact), nb.distances()[i][j], 1e-3 * Math.max(1, Math.sqrt(exact)));
          }
        }
        assertArrayEquals(expectedLabels, knn.predict(Np.array(q, nq, d)));
      }
    }
  }

  @Test
  void matchesBruteForceInFiveDimensions() {
    compareWithBruteForce(5, 1);
  }

  @Test
  void matchesBruteForceIn784Dimensions() {
    compareWithBruteForce(784, 2);
  }

  @Test
  void tiedVoteGoesToTheSmallestLabel() {
    float[] x = {1, 0, -1, 0, 0, 1, 0, -1};
    int[] y = {7, 7, 2, 2};
    try (KNeighborsClassifier knn = new KNeighborsClassifier(4)) {
      knn.fit(Np.array(x, 4, 2), y);
      assertArrayEquals(new int[] {2}, knn.predict(Np.array(new float[] {0, 0}, 1, 2)));
    }
    int[] y2 = {42, -3, 10, 10};
    try (KNeighborsClassifier knn = new KNeighborsClassifier(2)) {
      knn.fit(Np.array(x, 4, 2), y2);
      assertArrayEquals(new int[] {-3, 10, 42}, knn.classes());
      assertArrayEquals(new int[] {-3}, knn.predict(Np.array(new float[] {0, 0}, 1, 2)));
    }
  }

  @Test
  void equalDistancesTakeTheEarlierRow() {
    float[] x = {3, 3, 3, 3, 0, 0};
    try (KNeighborsClassifier knn = new KNeighborsClassifier(1)) {
      knn.fit(Np.array(x, 3, 2), new int[] {9, 1, 5});
      assertArrayEquals(new int[] {9, 5}, knn.predict(Np.array(new float[] {3, 3.1f, 0.2f, 0}, 2, 2)));
      assertArrayEquals(new int[] {0}, knn.kneighbors(Np.array(new float[] {3, 3}, 1, 2)).indices()[0]);
    }
  }

  @Test
  void trailingDimensionsAreFlattened() {
    Random r = new Random(3);
    float[] x = random(r, 120 * 8);
    float[] q = random(r, 10 * 8);
    int[] y = labels(r, 120, 3);
    try (KNeighborsClassifier flat = new KNeighborsClassifier(3);
        KNeighborsClassifier image = new KNeighborsClassifier(3)) {
      int[] a = flat.fit(Np.array(x, 120, 8), y).predict(Np.array(q, 10, 8));
      int[] b = image.fit(Np.array(x, 120, 4, 2, 1), y).predict(Np.array(q, 10, 4, 2, 1));
      assertArrayEquals(a, b);
      assertEquals(8, image.nFeaturesIn());
    }
  }

  @Test
  void scoreIsTheAccuracy() {
    float[] x = {0, 10, 20, 30};
    int[] y = {0, 0, 1, 1};
    try (KNeighborsClassifier knn = new KNeighborsClassifier(1)) {
      knn.fit(Np.array(x, 4, 1), y);
      FloatNdArray q = Np.array(new float[] {1, 29, 19, 11}, 4, 1);
      assertArrayEquals(new int[] {0, 1, 1, 0}, knn.predict(q));
      assertEquals(0.5, knn.score(q, new int[] {0, 1, 0, 1}));
    }
  }

  @Test
  void refitReplacesTheTrainingSet() {
    try (KNeighborsClassifier knn = new KNeighborsClassifier(1)) {
      knn.fit(Np.array(new float[] {0, 1}, 2, 1), new int[] {4, 5});
      assertArrayEquals(new int[] {5}, knn.predict(Np.array(new float[] {0.9f}, 1, 1)));
      knn.fit(Np.array(new float[] {0, 1, 2}, 3, 1), new int[] {6, 7, 8});
      assertArrayEquals(new int[] {8}, knn.predict(Np.array(new float[] {2.2f}, 1, 1)));
      assertEquals(3, knn.nSamplesFit());
    }
  }

  @Test
  void rejectsBadInput() {
    String m = assertThrows(IllegalArgumentException.class, () -> new KNeighborsClassifier(0)).getMessage();
    assertTrue(m.contains("n_neighbors") && m.contains("Got 0"), m);
    assertThrows(IllegalArgumentException.class, () -> new KNeighborsClassifier(-2));

    FloatNdArray x = Np.array(new float[12], 4, 3);
    KNeighborsClassifier knn = new KNeighborsClassifier(5);
    m = assertThrows(IllegalArgumentException.class, () -> knn.fit(x, new int[4])).getMessage();
    assertTrue(m.contains("n_neighbors = 5") && m.contains("n_samples_fit = 4"), m);

    KNeighborsClassifier three = new KNeighborsClassifier(3);
    m = assertThrows(IllegalStateException.class, () -> three.predict(x)).getMessage();
    assertTrue(m.contains("not fitted"), m);
    m = assertThrows(IllegalArgumentException.class, () -> three.fit(x, new int[5])).getMessage();
    assertTrue(m.contains("[4, 5]"), m);
    m = assertThrows(IllegalArgumentException.class, () -> three.fit(Np.array(new float[4], 4), new int[4]))
        .getMessage();
    assertTrue(m.contains("Expected 2D array"), m);
    float[] nan = new float[12];
    nan[5] = Float.NaN;
    m = assertThrows(IllegalArgumentException.class, () -> three.fit(Np.array(nan, 4, 3), new int[4])).getMessage();
    assertTrue(m.contains("NaN"), m);

    three.fit(x, new int[] {1, 2, 3, 4});
    m = assertThrows(IllegalArgumentException.class, () -> three.predict(Np.array(new float[10], 2, 5)))
        .getMessage();
    assertTrue(m.contains("X has 5 features") && m.contains("expecting 3 features"), m);
    m = assertThrows(IllegalArgumentException.class, () -> three.score(x, new int[3])).getMessage();
    assertTrue(m.contains("[4, 3]"), m);
    three.close();
    assertThrows(IllegalStateException.class, () -> three.predict(x));
    assertThrows(IllegalArgumentException.class, () -> three.workingMemory(0));
  }

  @Test
  void clearedSessionAsksForANewFit() {
    FloatNdArray x = Np.array(new float[] {0, 1, 2}, 3, 1);
    try (KNeighborsClassifier knn = new KNeighborsClassifier(1).fit(x, new int[] {0, 1, 2})) {
      keras4j.backend.Backend.clearSession();
      String m = assertThrows(IllegalStateException.class, () -> knn.predict(x)).getMessage();
      assertTrue(m.contains("fit"), m);
      knn.fit(x, new int[] {3, 4, 5});
      assertArrayEquals(new int[] {3, 4, 5}, knn.predict(x));
    }
  }

  @Test
  void largeTrainingSetIsSplitWithinTheWorkingMemory() {
    Random r = new Random(4);
    int n = 5000;
    int d = 3;
    float[] x = random(r, n * d);
    float[] q = random(r, 20 * d);
    int[] y = labels(r, n, 10);
    int[][] expected = bruteNeighbors(x, n, q, 20, d, 9);
    try (KNeighborsClassifier knn = new KNeighborsClassifier(9).workingMemory(64 * 1024)) {
      knn.fit(Np.array(x, n, d), y);
      int[][] got = knn.kneighbors(Np.array(q, 20, d)).indices();
      for (int i = 0; i < 20; i++) {
        assertArrayEquals(expected[i], got[i], Arrays.toString(got[i]));
      }
      assertArrayEquals(bruteVote(expected, y), knn.predict(Np.array(q, 20, d)));
    }
  }
}
