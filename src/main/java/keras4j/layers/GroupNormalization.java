package keras4j.layers;

import java.util.Map;
import keras4j.backend.Shapes;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code GroupNormalization(groups=32, axis=-1, epsilon=1e-3, center=True, scale=True)}: splits the
 * channel axis into groups and normalizes each group of each sample; {@code groups=-1} is instance normalization.
 */
public class GroupNormalization extends BaseNormalization<GroupNormalization> {
  private final int groups;
  private int axis = -1;
  private int resolvedGroups;
  private int resolvedAxis;

  public GroupNormalization(int groups) {
    if (groups == 0 || groups < -1) {
      throw new IllegalArgumentException("Received an invalid value for argument `groups`, expected a positive integer (or `-1` for instance normalization). Received: groups="
          + groups);
    }
    this.groups = groups;
  }

  /** Keras's default of 32 groups. */
  public GroupNormalization() {
    this(32);
  }

  /** Keras's {@code axis}: the channel axis. */
  public GroupNormalization axis(int a) {
    checkNotBuilt();
    this.axis = a;
    return this;
  }

  @Override
  protected void build(long[] inputShape) {
    resolvedAxis = resolve(new int[] {axis}, inputShape)[0];
    long dim = inputShape[resolvedAxis];
    if (dim < 0) {
      throw new IllegalArgumentException("Axis " + axis + " of input tensor should have a defined dimension but the layer received an input with shape "
          + Shapes.format(inputShape) + ".");
    }
    resolvedGroups = groups == -1 ? (int) dim : groups;
    if (dim < resolvedGroups) {
      throw new IllegalArgumentException("Number of groups (" + resolvedGroups + ") cannot be more than the number of channels ("
          + dim + ").");
    }
    if (dim % resolvedGroups != 0) {
      throw new IllegalArgumentException("Number of groups (" + resolvedGroups + ") must be a multiple of the number of channels ("
          + dim + ").");
    }
    createWeights(new long[] {dim});
  }

  @Override
  protected Operand<TFloat32> call(Ops tf, Operand<TFloat32> x, boolean training) {
    long[] s = x.shape().asArray();
    long[] grouped = new long[s.length + 1];
    long[] param = new long[s.length + 1];
    for (int i = 0, j = 0; i < s.length; i++, j++) {
      if (i == resolvedAxis) {
        grouped[j] = resolvedGroups;
        param[j] = resolvedGroups;
        j++;
        grouped[j] = s[i] / resolvedGroups;
        param[j] = s[i] / resolvedGroups;
      } else {
        grouped[j] = i == 0 ? -1 : s[i];
        param[j] = 1;
      }
    }
    int[] axes = new int[s.length - 1];
    for (int i = 1, k = 0; i <= s.length; i++) {
      if (i != resolvedAxis) {
        axes[k++] = i;
      }
    }
    Operand<TFloat32> g = tf.reshape(x, tf.constant(grouped));
    Operand<TFloat32> y = normalize(tf, g, tf.constant(axes), param);
    long[] out = s.clone();
    out[0] = -1;
    return tf.reshape(y, tf.constant(out));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("groups", groups);
    c.put("axis", axis);
    putShared(c);
    putInitializers(c);
    return c;
  }

  /** Keras's {@code GroupNormalization.from_config}. */
  public static GroupNormalization fromConfig(LayerConfig c) {
    return new GroupNormalization(c.getInt("groups", 32)).axis(c.getInt("axis", -1)).configure(c);
  }
}
