package keras4j.utils;

import org.tensorflow.ndarray.ByteNdArray;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.ndarray.buffer.FloatDataBuffer;
import org.tensorflow.ndarray.index.Indices;

/**
 * The numpy steps of the notebooks: {@code x.astype('float32') / 255.}, {@code x.reshape(...)}, {@code x[rows]},
 * {@code x.max()}. Image bytes are unsigned (0..255), as Keras's datasets give them.
 */
public final class Np {
  private Np() {}

  /** {@code x.astype('float32') / divisor}, reading bytes as unsigned. */
  public static FloatNdArray asFloat32(ByteNdArray x, double divisor) {
    long n = x.shape().size();
    if (n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("Array too large: " + n + " elements");
    }
    byte[] bytes = new byte[(int) n];
    x.copyTo(DataBuffers.of(bytes, false, false));
    float[] out = new float[bytes.length];
    float inv = (float) divisor;
    for (int i = 0; i < bytes.length; i++) {
      out[i] = (bytes[i] & 0xFF) / inv;
    }
    return NdArrays.wrap(x.shape(), DataBuffers.of(out, false, false));
  }

  /** {@code x.astype('float32')}. */
  public static FloatNdArray asFloat32(ByteNdArray x) {
    return asFloat32(x, 1.0);
  }

  /** {@code x.max()} of unsigned bytes. */
  public static int max(ByteNdArray x) {
    long n = x.shape().size();
    byte[] bytes = new byte[(int) n];
    x.copyTo(DataBuffers.of(bytes, false, false));
    int m = 0;
    for (byte b : bytes) {
      m = Math.max(m, b & 0xFF);
    }
    return m;
  }

  /** {@code x.reshape(dims)}; one dimension may be -1. Shares the data when it can. */
  public static FloatNdArray reshape(FloatNdArray x, long... dims) {
    long total = x.shape().size();
    long known = 1;
    int unknown = -1;
    for (int i = 0; i < dims.length; i++) {
      if (dims[i] == -1) {
        if (unknown >= 0) {
          throw new IllegalArgumentException("can only specify one unknown dimension");
        }
        unknown = i;
      } else {
        known *= dims[i];
      }
    }
    long[] d = dims.clone();
    if (unknown >= 0) {
      d[unknown] = known == 0 ? 0 : total / known;
    }
    long size = 1;
    for (long v : d) {
      size *= v;
    }
    if (size != total) {
      throw new IllegalArgumentException("cannot reshape array of size " + total + " into shape "
          + keras4j.backend.Shapes.format(d));
    }
    return x.withShape(Shape.of(d));
  }

  /** {@code x[rows]}: a copy of the given rows (first axis). */
  public static FloatNdArray take(FloatNdArray x, int... rows) {
    long[] shape = x.shape().asArray();
    shape[0] = rows.length;
    FloatNdArray out = NdArrays.ofFloats(Shape.of(shape));
    for (int i = 0; i < rows.length; i++) {
      x.get(rows[i]).copyTo(out.get(i));
    }
    return out;
  }

  /** {@code x[from:to]}: a view of rows {@code [from, to)}. */
  public static FloatNdArray rows(FloatNdArray x, long from, long to) {
    return x.slice(Indices.range(from, to));
  }

  /** The values as a flat row-major array. */
  public static float[] toFloatArray(FloatNdArray x) {
    long n = x.shape().size();
    float[] out = new float[(int) n];
    x.copyTo(DataBuffers.of(out, false, false));
    return out;
  }

  /** Wraps a flat row-major array (no copy). */
  public static FloatNdArray array(float[] values, long... shape) {
    FloatDataBuffer b = DataBuffers.of(values, false, false);
    return NdArrays.wrap(Shape.of(shape), b);
  }

  /** numpy's {@code np.concatenate([a, b, ...], axis=0)}. */
  public static FloatNdArray concatenate(FloatNdArray... arrays) {
    if (arrays.length == 0) {
      throw new IllegalArgumentException("concatenate needs at least one array");
    }
    long[] shape = arrays[0].shape().asArray();
    long rows = 0;
    for (FloatNdArray a : arrays) {
      long[] s = a.shape().asArray();
      s[0] = shape[0];
      if (!java.util.Arrays.equals(s, shape)) {
        throw new IllegalArgumentException("concatenate: all arrays must have the same shape after the first axis, "
            + "received " + arrays[0].shape() + " and " + a.shape());
      }
      rows += a.shape().size(0);
    }
    shape[0] = rows;
    float[] out = new float[Math.toIntExact(org.tensorflow.ndarray.Shape.of(shape).size())];
    int at = 0;
    for (FloatNdArray a : arrays) {
      float[] v = toFloatArray(a);
      System.arraycopy(v, 0, out, at, v.length);
      at += v.length;
    }
    return array(out, shape);
  }
}
