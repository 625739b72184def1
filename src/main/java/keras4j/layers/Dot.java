package keras4j.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import keras4j.backend.Shapes;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code Dot(axes, normalize=False)}: the batched dot product of two inputs along {@code axes} (Keras's
 * {@code batch_dot}); with {@code normalize}, the inputs are L2-normalized along those axes first (cosine proximity).
 */
public class Dot extends Merge<Dot> {
  private final int[] axes;
  private final boolean pair;
  private boolean normalize;

  /** The same axis of both inputs. */
  public Dot(int axis) {
    this.axes = new int[] {axis, axis};
    this.pair = false;
  }

  /** {@code axes=(a, b)}: axis a of the first input with axis b of the second. */
  public Dot(int axis1, int axis2) {
    this.axes = new int[] {axis1, axis2};
    this.pair = true;
  }

  /** Keras's {@code normalize}. */
  public Dot normalize(boolean n) {
    checkNotBuilt();
    this.normalize = n;
    return this;
  }

  @Override
  protected void checkCount(List<long[]> shapes) {
    if (shapes.size() != 2) {
      throw new IllegalArgumentException("A `Dot` layer should be called on a list of 2 inputs. Received: input_shape="
          + formatShapes(shapes));
    }
  }

  private int[] resolved(int rank1, int rank2) {
    int a = axes[0] < 0 ? Math.floorMod(axes[0], rank1) : axes[0];
    int b = axes[1] < 0 ? Math.floorMod(axes[1], rank2) : axes[1];
    return new int[] {a, b};
  }

  @Override
  public List<long[]> computeOutputShapes(List<long[]> shapes) {
    checkCount(shapes);
    long[] s1 = shapes.get(0);
    long[] s2 = shapes.get(1);
    if (s1.length < 2 || s2.length < 2) {
      throw new IllegalArgumentException("Cannot do batch_dot on inputs with rank < 2. Received inputs with shapes "
          + Shapes.format(s1) + " and " + Shapes.format(s2) + ".");
    }
    int[] ax = resolved(s1.length, s2.length);
    if (ax[0] == 0 || ax[1] == 0 || ax[0] >= s1.length || ax[1] >= s2.length) {
      throw new IllegalArgumentException("Cannot perform batch_dot over axis 0 or beyond the rank: axes=("
          + axes[0] + ", " + axes[1] + ") for shapes " + Shapes.format(s1) + " and " + Shapes.format(s2));
    }
    if (s1[ax[0]] != s2[ax[1]]) {
      throw new IllegalArgumentException("Incompatible input shapes: axis values " + dim(s1[ax[0]]) + " (at axis " + ax[0]
          + ") != " + dim(s2[ax[1]]) + " (at axis " + ax[1] + "). Full input shapes: " + Shapes.format(s1) + ", "
          + Shapes.format(s2));
    }
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < s1.length; i++) {
      if (i != ax[0]) {
        out.add(s1[i]);
      }
    }
    for (int i = 1; i < s2.length; i++) {
      if (i != ax[1]) {
        out.add(s2[i]);
      }
    }
    if (out.size() == 1) {
      out.add(1L);
    }
    return List.of(out.stream().mapToLong(Long::longValue).toArray());
  }

  private static String dim(long d) {
    return d < 0 ? "None" : Long.toString(d);
  }

  @Override
  protected Operand<TFloat32> merge(Ops tf, Operand<TFloat32> a, Operand<TFloat32> b) {
    throw new UnsupportedOperationException("Dot merges in call");
  }

  /** Keras's {@code batch_dot(x, y, axes)}: contracted axis of x moved last, of y moved to 1, then a batched matmul. */
  @Override
  public List<Operand<TFloat32>> call(Ops tf, List<Operand<TFloat32>> inputs, boolean training) {
    Operand<TFloat32> x = inputs.get(0);
    Operand<TFloat32> y = inputs.get(1);
    long[] xs = x.shape().asArray();
    long[] ys = y.shape().asArray();
    int[] ax = resolved(xs.length, ys.length);
    if (normalize) {
      x = UnitNormalization.l2Normalize(tf, x, new int[] {ax[0]}, 1e-7f);
      y = UnitNormalization.l2Normalize(tf, y, new int[] {ax[1]}, 1e-7f);
    }
    int[] px = new int[xs.length];
    List<Long> xMid = new ArrayList<>();
    for (int i = 0, k = 0; i < xs.length; i++) {
      if (i != ax[0]) {
        px[k++] = i;
        if (i > 0) {
          xMid.add(xs[i]);
        }
      }
    }
    px[xs.length - 1] = ax[0];
    int[] py = new int[ys.length];
    py[1] = ax[1];
    List<Long> yTrail = new ArrayList<>();
    for (int i = 1, k = 2; i < ys.length; i++) {
      if (i != ax[1]) {
        py[k++] = i;
        yTrail.add(ys[i]);
      }
    }
    long n = xs[ax[0]];
    Operand<TFloat32> x3 = tf.reshape(tf.linalg.transpose(x, tf.constant(px)), tf.constant(new long[] {-1, prod(xMid), n}));
    Operand<TFloat32> y3 = tf.reshape(tf.linalg.transpose(y, tf.constant(py)), tf.constant(new long[] {-1, n, prod(yTrail)}));
    Operand<TFloat32> r = tf.train.batchMatMul(x3, y3, TFloat32.class);
    List<Long> out = new ArrayList<>();
    out.add(-1L);
    out.addAll(xMid);
    out.addAll(yTrail);
    if (out.size() == 1) {
      out.add(1L);
    }
    return List.of(tf.reshape(r, tf.constant(out.stream().mapToLong(Long::longValue).toArray())));
  }

  private static long prod(List<Long> dims) {
    long p = 1;
    for (long d : dims) {
      p *= d;
    }
    return p;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("axes", pair ? List.of(axes[0], axes[1]) : axes[0]);
    c.put("normalize", normalize);
    return c;
  }

  /** Keras's {@code Dot.from_config}. */
  public static Dot fromConfig(LayerConfig c) {
    Object a = c.map().get("axes");
    Dot d;
    if (a instanceof Number n) {
      d = new Dot(n.intValue());
    } else if (a instanceof List<?> l && l.size() == 2 && l.get(0) instanceof Number p && l.get(1) instanceof Number q) {
      d = new Dot(p.intValue(), q.intValue());
    } else {
      throw new IllegalArgumentException("Layer '" + c.layerName() + "' (Dot): config key 'axes' expected an integer or a list of 2 integers, received "
          + a);
    }
    return d.normalize(c.getBool("normalize", false));
  }
}
