package keras4j.backend;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * The TensorFlow graph, session, variables, names and random state that Keras's TF1-era backend kept
 * globally ({@code keras.backend}). Every layer's variables live in the graph of the context that was current
 * when the layer was built, so every model made of the same layers shares their weights.
 */
public final class Context implements AutoCloseable {

  private static Context current;
  private static Long pendingSeed;

  private final Graph graph;
  private final Ops tf;
  private Session session;
  private final Map<String, Integer> uids = new HashMap<>();
  private final Map<KerasVariable, float[]> pendingInit = new LinkedHashMap<>();
  private Random random;
  private boolean closed;

  private Context(long seed) {
    FusedLstm.register();
    RandomGradients.register();
    this.graph = new Graph();
    this.tf = Ops.create(new GraphNames(graph));
    this.random = new Random(seed);
  }

  /** The current context, created on first use (like Keras's default graph). */
  public static synchronized Context current() {
    if (current == null || current.closed) {
      long seed = pendingSeed != null ? pendingSeed : new Random().nextLong();
      current = new Context(seed);
    }
    return current;
  }

  static synchronized void clear() {
    if (current != null) {
      current.close();
      current = null;
    }
  }

  static synchronized void seed(long seed) {
    pendingSeed = seed;
    if (current != null && !current.closed) {
      current.random = new Random(seed);
    }
  }

  /** The TensorFlow graph of this context. */
  public Graph graph() {
    checkOpen();
    return graph;
  }

  /** The ops that build into this context's graph. */
  public Ops ops() {
    checkOpen();
    return tf;
  }

  /** Whether this context's graph and session were released ({@code clear_session}). */
  public boolean isClosed() {
    return closed;
  }

  /** The random source of weight initialisation, shuffling and op seeds: reproducible after a seed is set. */
  public synchronized Random random() {
    return random;
  }

  /** A fresh seed for a stateful TensorFlow random op. */
  public synchronized long nextSeed() {
    return random.nextLong() & 0x7fffffffL;
  }

  /** Keras's {@code backend.unique_object_name}: "dense", "dense_1", "dense_2", ... */
  public synchronized String uniqueName(String prefix) {
    int n = uids.merge(prefix, 1, Integer::sum) - 1;
    int offset = Backend.compatibility().nameOffset();
    int k = n + offset;
    return k == 0 ? prefix : prefix + "_" + k;
  }

  /** Keras 2 style names that always carry a number ("input_1"). */
  public synchronized String numberedName(String prefix) {
    int n = uids.merge(prefix, 1, Integer::sum);
    return prefix + "_" + n;
  }

  /** Creates a float32 variable of the given shape whose initial value is assigned before the next run. */
  public synchronized KerasVariable newVariable(String name, long[] shape, float[] initialValue, boolean trainable) {
    checkOpen();
    KerasVariable v = new KerasVariable(this, name, shape, trainable);
    if (initialValue != null) {
      pendingInit.put(v, initialValue);
    }
    return v;
  }

  /** A variable of unknown shape holding a data set, fed from the host and indexed inside the graph. */
  public synchronized KerasVariable newDataVariable(String name) {
    checkOpen();
    return new KerasVariable(this, name, null, false);
  }

  synchronized Session session() {
    checkOpen();
    if (session == null) {
      session = new Session(graph, SessionConfig.configProto());
    }
    return session;
  }

  /** Runs the pending initial assignments of newly created variables, in one session call. */
  synchronized void flushInit() {
    if (pendingInit.isEmpty()) {
      return;
    }
    Session s = session();
    List<Tensor> feeds = new ArrayList<>();
    try {
      Session.Runner runner = s.runner();
      for (Map.Entry<KerasVariable, float[]> e : pendingInit.entrySet()) {
        KerasVariable v = e.getKey();
        TFloat32 t = Tensors.of(v.shape(), e.getValue());
        feeds.add(t);
        runner.feed(v.assignFeed(), t);
        runner.addTarget(v.assignOp());
      }
      runner.run().close();
      pendingInit.clear();
    } finally {
      feeds.forEach(Tensor::close);
    }
  }

  /**
   * Runs the graph once. {@code setup} adds feeds, fetches and targets; {@code reader} reads the result, which is
   * closed afterwards together with the tensors fed.
   */
  public synchronized <R> R run(Consumer<Session.Runner> setup, Function<Result, R> reader) {
    flushInit();
    Session.Runner runner = session().runner();
    setup.accept(runner);
    if (profile != null) {
      runner.setOptions(org.tensorflow.proto.RunOptions.newBuilder()
          .setTraceLevel(org.tensorflow.proto.RunOptions.TraceLevel.FULL_TRACE).build());
    }
    try (Result r = profile != null ? runner.runAndFetchMetadata() : runner.run()) {
      if (profile != null) {
        r.getMetadata().ifPresent(profile::add);
      }
      return reader.apply(r);
    } catch (RuntimeException e) {
      throw Errors.isTensorFlow(e) ? Errors.fromTensorFlow(e) : e;
    }
  }

  private Profile profile;

  /** Starts recording the time of every op of later runs (TensorFlow's step statistics). */
  public synchronized void startProfiling() {
    profile = new Profile(graph);
  }

  /** Stops recording and returns what was recorded. */
  public synchronized Profile stopProfiling() {
    Profile p = profile;
    profile = null;
    return p;
  }

  /** Reads the current values of variables. */
  public synchronized List<FloatNdArray> read(List<KerasVariable> vars) {
    if (vars.isEmpty()) {
      return new ArrayList<>();
    }
    return run(r -> vars.forEach(v -> r.fetch(v.value())), res -> {
      List<FloatNdArray> out = new ArrayList<>();
      for (int i = 0; i < vars.size(); i++) {
        out.add(Tensors.toHost((TFloat32) res.get(i)));
      }
      return out;
    });
  }

  /** Assigns values to variables in one session call; shapes must have been checked by the caller. */
  public synchronized void assign(List<KerasVariable> vars, List<FloatNdArray> values) {
    if (vars.isEmpty()) {
      return;
    }
    flushInit();
    List<Tensor> feeds = new ArrayList<>();
    try {
      Session.Runner runner = session().runner();
      for (int i = 0; i < vars.size(); i++) {
        KerasVariable v = vars.get(i);
        pendingInit.remove(v);
        TFloat32 t = Tensors.of(values.get(i));
        feeds.add(t);
        runner.feed(v.assignFeed(), t);
        runner.addTarget(v.assignOp());
      }
      runner.run().close();
    } catch (RuntimeException e) {
      throw Errors.isTensorFlow(e) ? Errors.fromTensorFlow(e) : e;
    } finally {
      feeds.forEach(Tensor::close);
    }
  }

  /** Gradients of a scalar with respect to the given (read) values. */
  public List<Operand<TFloat32>> gradients(Operand<TFloat32> y, List<Operand<TFloat32>> xs) {
    return gradients(List.of(y), null, xs);
  }

  /**
   * Gradients with respect to the given (read) values of the tensors {@code ys}, backpropagating {@code dys} from
   * them (null: ones), summed over {@code ys}.
   */
  public synchronized List<Operand<TFloat32>> gradients(List<Operand<TFloat32>> ys, List<Operand<TFloat32>> dys,
      List<Operand<TFloat32>> xs) {
    Output<?>[] xo = new Output<?>[xs.size()];
    for (int i = 0; i < xo.length; i++) {
      xo[i] = xs.get(i).asOutput();
    }
    Output<?>[] yo = new Output<?>[ys.size()];
    Output<?>[] dyo = dys == null ? null : new Output<?>[ys.size()];
    for (int i = 0; i < yo.length; i++) {
      yo[i] = ys.get(i).asOutput();
      if (dyo != null) {
        dyo[i] = dys.get(i).asOutput();
      }
    }
    Output<?>[] g = graph.addGradients(null, yo, xo, dyo);
    ReluGradients.rewire(graph);
    List<Operand<TFloat32>> out = new ArrayList<>();
    for (int i = 0; i < g.length; i++) {
      if (g[i] == null) {
        throw new IllegalStateException("No gradient flows to " + xs.get(i).op().name()
            + ": the variable is not connected to the loss");
      }
      @SuppressWarnings("unchecked")
      Output<TFloat32> gi = (Output<TFloat32>) g[i];
      out.add(gi);
    }
    return out;
  }

  /** A float32 placeholder with the given shape (-1 for unknown dimensions; null for unknown rank). */
  public Placeholder<TFloat32> placeholder(long[] shape) {
    Limits.elements("A placeholder", shape);
    return tf.placeholder(TFloat32.class,
        Placeholder.shape(shape == null ? Shape.unknown() : Shape.of(shape)));
  }

  Variable<TFloat32> rawVariable(String name, long[] shape) {
    Limits.elements("Variable " + name, shape);
    return named(name).variable(shape == null ? Shape.unknown() : Shape.of(shape), TFloat32.class);
  }

  /** Ops whose next op is named by a Keras path such as {@code dense/kernel} (sub-scopes for each part). */
  Ops named(String path) {
    String[] parts = path.split("/");
    Ops ops = tf;
    for (int i = 0; i < parts.length - 1; i++) {
      if (!parts[i].isEmpty()) {
        ops = ops.withSubScope(Names.sanitize(parts[i]));
      }
    }
    return ops.withName(Names.sanitize(parts[parts.length - 1]));
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException(
          "This backend session was cleared (Backend.clearSession()); rebuild the layers and models in the new session");
    }
  }

  /** Closes the session and graph; every layer and model built in this context becomes unusable. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    pendingInit.clear();
    if (session != null) {
      session.close();
    }
    graph.close();
  }
}
