package keras4j.backend;

import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.ndarray.index.Indices;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** Copies between host arrays and TensorFlow tensors. Every tensor returned here must be closed by the caller. */
public final class Tensors {
  private Tensors() {}

  /** A float32 tensor of this shape and data (the caller closes it). */
  public static TFloat32 of(long[] shape, float[] data) {
    return TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(data, true, false));
  }

  /** A float32 tensor copied from the array (the caller closes it). */
  public static TFloat32 of(FloatNdArray array) {
    if (array instanceof TFloat32 t) {
      TFloat32 copy = TFloat32.tensorOf(t.shape());
      t.copyTo(copy);
      return copy;
    }
    TFloat32 t = TFloat32.tensorOf(array.shape());
    array.copyTo(t);
    return t;
  }

  /** Rows {@code [from, to)} of an array, as a tensor. */
  public static TFloat32 rows(FloatNdArray array, long from, long to) {
    FloatNdArray view = array.slice(Indices.range(from, to));
    TFloat32 t = TFloat32.tensorOf(view.shape());
    view.copyTo(t);
    return t;
  }

  /** An int32 vector tensor of {@code values[from..to)} (the caller closes it). */
  public static TInt32 ints(int[] values, int from, int to) {
    int[] part = java.util.Arrays.copyOfRange(values, from, to);
    return TInt32.vectorOf(part);
  }

  /** A heap copy of a tensor, which outlives it. */
  public static FloatNdArray toHost(TFloat32 t) {
    FloatNdArray a = NdArrays.ofFloats(t.shape());
    t.copyTo(a);
    return a;
  }

  /** Copies {@code t} into rows starting at {@code row} of {@code dst}. */
  public static void copyRows(TFloat32 t, FloatNdArray dst, long row) {
    long n = t.shape().size(0);
    t.copyTo(dst.slice(Indices.range(row, row + n)));
  }

  /** Shape of an array as Keras writes it, batch first. */
  public static long[] shape(FloatNdArray a) {
    return a.shape().asArray();
  }
}
