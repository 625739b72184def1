package keras4j.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Keras's {@code Permute(dims)}: reorders the non-batch axes; {@code dims} is a permutation of 1..n. */
public class Permute extends BaseLayer<Permute> {
  private final int[] dims;

  public Permute(int... dims) {
    int[] sorted = dims.clone();
    java.util.Arrays.sort(sorted);
    for (int i = 0; i < sorted.length; i++) {
      if (sorted[i] != i + 1) {
        throw new IllegalArgumentException("Invalid permutation argument `dims` for Permute Layer. The set of indices in `dims` must be consecutive and start from 1. Received dims="
            + BaseConv.tuple(dims));
      }
    }
    this.dims = dims.clone();
    inputSpec(InputSpec.ndim(dims.length + 1));
  }

  @Override
  public long[] computeOutputShape(long[] inputShape) {
    long[] out = new long[dims.length + 1];
    out[0] = inputShape[0];
    for (int i = 0; i < dims.length; i++) {
      out[i + 1] = inputShape[dims[i]];
    }
    return out;
  }

  @Override
  protected Operand<TFloat32> call(Ops tf, Operand<TFloat32> x, boolean training) {
    int[] perm = new int[dims.length + 1];
    System.arraycopy(dims, 0, perm, 1, dims.length);
    return tf.linalg.transpose(x, tf.constant(perm));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    List<Integer> d = new ArrayList<>();
    for (int v : dims) {
      d.add(v);
    }
    c.put("dims", d);
    return c;
  }

  /** Keras's {@code Permute.from_config}. */
  public static Permute fromConfig(LayerConfig c) {
    return new Permute(c.getList("dims").stream().mapToInt(v -> ((Number) v).intValue()).toArray());
  }
}
