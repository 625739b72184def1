package keras4j.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import keras4j.backend.Shapes;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The shared part of Keras's {@code CroppingND} and {@code ZeroPaddingND}: a (before, after) amount per spatial
 * axis, removed or added as zeros.
 */
public abstract class BaseCropping<T extends BaseCropping<T>> extends BaseLayer<T> {
  protected final int rank;
  protected final int[][] amounts;
  protected DataFormat dataFormat = DataFormat.CHANNELS_LAST;

  protected BaseCropping(int[][] amounts) {
    this.rank = amounts.length;
    this.amounts = new int[rank][];
    for (int i = 0; i < rank; i++) {
      if (amounts[i].length != 2 || amounts[i][0] < 0 || amounts[i][1] < 0) {
        throw new IllegalArgumentException("`" + key() + "` should be " + rank + " tuples of 2 non-negative integers. Received: "
            + java.util.Arrays.deepToString(amounts));
      }
      this.amounts[i] = amounts[i].clone();
    }
    inputSpec(InputSpec.ndim(rank + 2));
  }

  /** True to crop, false to pad with zeros. */
  protected abstract boolean crops();

  /** The config key: "cropping" or "padding". */
  protected abstract String key();

  /**
   * Whether the Keras layer has a {@code data_format} option (Cropping1D has none; ZeroPadding1D has it in Keras 3
   * only, so it is written only when channels_first, which tf.keras 2.x cannot express anyway).
   */
  protected boolean hasDataFormat() {
    return true;
  }

  @SuppressWarnings("unchecked")
  protected T dataFormatOf(String f) {
    checkNotBuilt();
    this.dataFormat = DataFormat.of(f);
    return (T) this;
  }

  @Override
  public long[] computeOutputShape(long[] inputShape) {
    long[] in = dataFormat.spatialDims(inputShape, rank);
    long[] out = new long[rank];
    for (int i = 0; i < rank; i++) {
      long delta = (long) amounts[i][0] + amounts[i][1];
      out[i] = in[i] < 0 ? -1 : crops() ? in[i] - delta : in[i] + delta;
      if (crops() && in[i] >= 0 && out[i] <= 0) {
        throw new IllegalArgumentException("Values in `cropping` argument should be smaller than the corresponding spatial dimension of the input. Received: input_shape="
            + Shapes.format(inputShape) + ", cropping=" + java.util.Arrays.deepToString(amounts));
      }
    }
    return dataFormat.shapeOf(inputShape[0], out, dataFormat.channels(inputShape));
  }

  @Override
  protected Operand<TFloat32> call(Ops tf, Operand<TFloat32> input, boolean training) {
    int first = dataFormat == DataFormat.CHANNELS_LAST ? 1 : 2;
    int n = rank + 2;
    if (!crops()) {
      int[][] pads = new int[n][2];
      for (int i = 0; i < rank; i++) {
        pads[first + i] = amounts[i].clone();
      }
      return tf.pad(input, tf.constant(pads), tf.constant(0f));
    }
    int[] begin = new int[n];
    int[] end = new int[n];
    long endMask = 0;
    for (int i = 0; i < n; i++) {
      int k = i - first;
      if (k >= 0 && k < rank) {
        begin[i] = amounts[k][0];
        end[i] = -amounts[k][1];
        if (amounts[k][1] == 0) {
          endMask |= 1L << i;
        }
      } else {
        endMask |= 1L << i;
      }
    }
    return tf.stridedSlice(input, tf.constant(begin), tf.constant(end), tf.constant(ones(n)),
        org.tensorflow.op.core.StridedSlice.endMask(endMask));
  }

  private static int[] ones(int n) {
    int[] a = new int[n];
    java.util.Arrays.fill(a, 1);
    return a;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    List<Object> a = new ArrayList<>();
    for (int[] p : amounts) {
      a.add(List.of(p[0], p[1]));
    }
    c.put(key(), rank == 1 ? a.get(0) : a);
    if (hasDataFormat() && (dataFormat == DataFormat.CHANNELS_FIRST || rank > 1)) {
      c.put("data_format", dataFormat.keras());
    }
    return c;
  }

  /** The amounts of a config: an int, a (before, after) pair per axis, or (for 2-D) a symmetric pair. */
  protected static int[][] amountsOf(LayerConfig c, String key, int rank, int dflt) {
    Object v = c.map().get(key);
    int[][] out = new int[rank][];
    if (v == null || v instanceof Number) {
      int n = v == null ? dflt : ((Number) v).intValue();
      for (int i = 0; i < rank; i++) {
        out[i] = new int[] {n, n};
      }
      return out;
    }
    if (v instanceof List<?> l && l.size() == 2 && rank == 1 && l.get(0) instanceof Number a && l.get(1) instanceof Number b) {
      out[0] = new int[] {a.intValue(), b.intValue()};
      return out;
    }
    if (v instanceof List<?> l && l.size() == rank) {
      for (int i = 0; i < rank; i++) {
        Object e = l.get(i);
        if (e instanceof Number n) {
          out[i] = new int[] {n.intValue(), n.intValue()};
        } else if (e instanceof List<?> p && p.size() == 2 && p.get(0) instanceof Number a && p.get(1) instanceof Number b) {
          out[i] = new int[] {a.intValue(), b.intValue()};
        } else {
          out = null;
          break;
        }
      }
      if (out != null) {
        return out;
      }
    }
    throw new IllegalArgumentException("Layer '" + c.layerName() + "' (" + c.className() + "): config key '" + key
        + "' expected an integer, a pair, or " + rank + " pairs of integers, received " + v);
  }
}
