package keras4j.backend;

import java.util.ArrayList;
import java.util.List;

/** Shapes as Keras prints and compares them: {@code -1} is an unknown dimension ({@code None}). */
public final class Shapes {
  private Shapes() {}

  /** Python tuple notation: {@code (None, 28, 28, 1)}, {@code (784,)}. */
  public static String format(long[] shape) {
    if (shape == null) {
      return "<unknown>";
    }
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < shape.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(shape[i] < 0 ? "None" : Long.toString(shape[i]));
    }
    if (shape.length == 1) {
      sb.append(',');
    }
    return sb.append(')').toString();
  }

  /** The shape with a batch dimension in front. */
  public static long[] withBatch(long batch, long[] dims) {
    long[] s = new long[dims.length + 1];
    s[0] = batch;
    System.arraycopy(dims, 0, s, 1, dims.length);
    return s;
  }

  /** The shape without its batch dimension. */
  public static long[] dropBatch(long[] shape) {
    long[] s = new long[shape.length - 1];
    System.arraycopy(shape, 1, s, 0, s.length);
    return s;
  }

  /** The product of the dimensions from index {@code from} on. */
  public static long product(long[] dims, int from) {
    long n = 1;
    for (int i = from; i < dims.length; i++) {
      if (dims[i] < 0) {
        return -1;
      }
      n *= dims[i];
    }
    return n;
  }

  /** True where both shapes have the same rank and agree on every known dimension. */
  public static boolean compatible(long[] a, long[] b) {
    if (a.length != b.length) {
      return false;
    }
    for (int i = 0; i < a.length; i++) {
      if (a[i] >= 0 && b[i] >= 0 && a[i] != b[i]) {
        return false;
      }
    }
    return true;
  }

  /** The shape as a list. */
  public static List<Long> toList(long[] s) {
    List<Long> l = new ArrayList<>();
    for (long d : s) {
      l.add(d < 0 ? null : d);
    }
    return l;
  }
}
