package keras4j.plot;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * scikit-learn's {@code confusion_matrix(y_true, y_pred)}: {@code counts[i][j]} is the number of samples of true
 * label {@code labels[i]} predicted as {@code labels[j]}. Draw it with {@link HeatMap#confusionMatrix}.
 */
public record ConfusionMatrix(int[] labels, int[][] counts) {

  /** Checks that the counts form a square matrix over the labels. */
  public ConfusionMatrix {
    if (labels == null || counts == null || counts.length != labels.length) {
      throw new IllegalArgumentException("Expected one row of counts per label, received "
          + (counts == null ? "null" : counts.length) + " rows for " + (labels == null ? "null" : labels.length)
          + " labels");
    }
    for (int[] row : counts) {
      if (row == null || row.length != labels.length) {
        throw new IllegalArgumentException("Expected " + labels.length + " counts per row, received "
            + (row == null ? "null" : row.length));
      }
    }
  }

  /** The labels are those present in either array, sorted. */
  public static ConfusionMatrix of(int[] yTrue, int[] yPred) {
    checkLengths(yTrue, yPred);
    TreeSet<Integer> set = new TreeSet<>();
    Arrays.stream(yTrue).forEach(set::add);
    Arrays.stream(yPred).forEach(set::add);
    return of(yTrue, yPred, set.stream().mapToInt(Integer::intValue).toArray());
  }

  /** {@code confusion_matrix(y_true, y_pred, labels=labels)}: samples with other labels are not counted. */
  public static ConfusionMatrix of(int[] yTrue, int[] yPred, int[] labels) {
    checkLengths(yTrue, yPred);
    if (labels == null || labels.length == 0) {
      throw new IllegalArgumentException("'labels' should contain at least one label");
    }
    int[] sorted = labels.clone();
    Arrays.sort(sorted);
    for (int i = 1; i < sorted.length; i++) {
      if (sorted[i] == sorted[i - 1]) {
        throw new IllegalArgumentException("'labels' contains " + sorted[i] + " more than once");
      }
    }
    int[][] counts = new int[labels.length][labels.length];
    for (int i = 0; i < yTrue.length; i++) {
      int t = indexOf(labels, yTrue[i]);
      int p = indexOf(labels, yPred[i]);
      if (t >= 0 && p >= 0) {
        counts[t][p]++;
      }
    }
    return new ConfusionMatrix(labels.clone(), counts);
  }

  private static void checkLengths(int[] yTrue, int[] yPred) {
    if (yTrue == null || yPred == null) {
      throw new IllegalArgumentException("Expected y_true and y_pred, received null");
    }
    if (yTrue.length != yPred.length) {
      throw new IllegalArgumentException("Found input variables with inconsistent numbers of samples: ["
          + yTrue.length + ", " + yPred.length + "]");
    }
  }

  private static int indexOf(int[] labels, int v) {
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] == v) {
        return i;
      }
    }
    return -1;
  }

  /** Number of samples counted (the diagonal and off it). */
  public long total() {
    long n = 0;
    for (int[] row : counts) {
      for (int c : row) {
        n += c;
      }
    }
    return n;
  }

  /** Rows as numpy prints an integer matrix. */
  @Override
  public String toString() {
    int width = 1;
    for (int[] row : counts) {
      for (int c : row) {
        width = Math.max(width, Integer.toString(c).length());
      }
    }
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < counts.length; i++) {
      sb.append(i == 0 ? "[" : " [");
      for (int j = 0; j < counts[i].length; j++) {
        sb.append(String.format("%" + width + "d", counts[i][j]));
        if (j < counts[i].length - 1) {
          sb.append(' ');
        }
      }
      sb.append(i < counts.length - 1 ? "]\n" : "]]");
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConfusionMatrix c && Arrays.equals(labels, c.labels) && Arrays.deepEquals(counts, c.counts);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(labels) + Arrays.deepHashCode(counts);
  }
}
