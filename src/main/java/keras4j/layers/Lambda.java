package keras4j.layers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import keras4j.backend.Shapes;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code Lambda(function)} with a Java function: {@code new Lambda((tf, x) -> tf.math.square(x))}, or for
 * several inputs {@code Lambda.of((tf, xs) -> ...)}. The output shape is inferred by tracing the function on the
 * input shapes (Keras does the same), or given with {@link #outputShape(long...)}.
 *
 * <p>A Python lambda cannot run on the JVM: loading a file that holds one needs a Java function registered for the
 * layer's name with {@link #register(String, MultiFunction)} before loading. Saved files mark a Java Lambda with
 * {@code "function": {"class_name": "__java_lambda__", ...}}, which Python Keras refuses to load.
 */
public class Lambda extends BaseLayer<Lambda> {
  /** Marker written as the function's class name. */
  public static final String JAVA_MARKER = "__java_lambda__";
  private static final Map<String, MultiFunction> BY_LAYER_NAME = new ConcurrentHashMap<>();
  private final MultiFunction fn;
  private long[] outputShape;

  /** A function of one tensor. */
  @FunctionalInterface
  public interface Function {
    Operand<TFloat32> call(Ops tf, Operand<TFloat32> x);
  }

  /** A function of several tensors (Keras's {@code Lambda} called on a list). */
  @FunctionalInterface
  public interface MultiFunction {
    Operand<TFloat32> call(Ops tf, List<Operand<TFloat32>> xs);
  }

  public Lambda(Function fn) {
    this(xsOf(fn));
  }

  private Lambda(MultiFunction fn) {
    if (fn == null) {
      throw new IllegalArgumentException("Lambda needs a function, received null");
    }
    this.fn = fn;
  }

  private static MultiFunction xsOf(Function fn) {
    if (fn == null) {
      throw new IllegalArgumentException("Lambda needs a function, received null");
    }
    return (tf, xs) -> {
      if (xs.size() != 1) {
        throw new IllegalArgumentException("This Lambda takes 1 input, received " + xs.size()
            + "; use Lambda.of((tf, xs) -> ...) for several");
      }
      return fn.call(tf, xs.get(0));
    };
  }

  /** A Lambda over several inputs. */
  public static Lambda of(MultiFunction fn) {
    return new Lambda(fn);
  }

  /**
   * Supplies the Java function for the Lambda layer named {@code layerName} of files loaded afterwards (a Python
   * lambda cannot run on the JVM).
   */
  public static void register(String layerName, MultiFunction fn) {
    if (layerName == null || fn == null) {
      throw new IllegalArgumentException("register needs a layer name and a function");
    }
    BY_LAYER_NAME.put(layerName, fn);
  }

  /** Keras's {@code output_shape=} argument, without the batch dimension. */
  public Lambda outputShape(long... dims) {
    checkNotBuilt();
    this.outputShape = dims.clone();
    return this;
  }

  @Override
  public List<long[]> computeOutputShapes(List<long[]> inputShapes) {
    if (outputShape != null) {
      return List.of(Shapes.withBatch(inputShapes.get(0)[0], outputShape));
    }
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      List<Operand<TFloat32>> in = new ArrayList<>();
      for (long[] s : inputShapes) {
        in.add(tf.placeholder(TFloat32.class, Placeholder.shape(org.tensorflow.ndarray.Shape.of(s))));
      }
      Operand<TFloat32> out = fn.call(tf, in);
      if (out.shape().isUnknown()) {
        throw new IllegalArgumentException("Lambda layer " + name() + ": the output shape cannot be inferred; give it "
            + "with outputShape(...)");
      }
      return List.of(out.shape().asArray());
    } catch (RuntimeException e) {
      if (e instanceof IllegalArgumentException) {
        throw e;
      }
      throw new IllegalArgumentException("Lambda layer " + name() + " fails on inputs of shape "
          + inputShapes.stream().map(Shapes::format).toList() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public List<Operand<TFloat32>> call(Ops tf, List<Operand<TFloat32>> inputs, boolean training) {
    return List.of(fn.call(tf, inputs));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("class_name", JAVA_MARKER);
    Map<String, Object> fc = new LinkedHashMap<>();
    fc.put("note", "a Java function; supply it with Lambda.register(\"" + name() + "\", ...) before loading");
    f.put("config", fc);
    c.put("function", f);
    c.put("output_shape", outputShape == null ? null : Shapes.toList(outputShape));
    c.put("arguments", Map.of());
    return c;
  }

  /** Keras's {@code Lambda.from_config}: the function comes from {@link #register} by layer name. */
  public static Lambda fromConfig(LayerConfig c) {
    MultiFunction fn = BY_LAYER_NAME.get(c.layerName());
    if (fn == null) {
      Object f = c.map().get("function");
      String kind = f instanceof Map<?, ?> m && JAVA_MARKER.equals(m.get("class_name")) ? "a Java function"
          : "a Python function, which cannot run on the JVM";
      throw new IllegalArgumentException("Layer '" + c.layerName() + "' (Lambda) holds " + kind + "; supply a Java "
          + "function for it before loading with Lambda.register(\"" + c.layerName()
          + "\", (tf, xs) -> ...) (xs.get(0) is its input)");
    }
    Lambda l = new Lambda(fn);
    if (c.has("output_shape") && c.map().get("output_shape") instanceof List<?>) {
      long[] s = c.getShape("output_shape");
      l.outputShape(s);
    }
    return l;
  }
}
