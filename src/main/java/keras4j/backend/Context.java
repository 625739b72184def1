package keras4j.backend;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Set;
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
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * The TensorFlow graph, session, variables, names and random state that Keras's TF1-era backend kept
 * globally ({@code keras.backend}). Every layer's variables live in the graph of the context that was current
 * when the layer was built, so every model made of the same layers shares their weights.
 *
 * <p>TensorFlow cannot delete operations from a graph, so a context reclaims the ops of closed models by
 * <em>compaction</em> ({@link #compact()}): it keeps its identity, names and random state but swaps its graph and
 * session for fresh ones (a new {@link #generation()}). Every variable still referenced keeps its value on the host
 * and is created again in the new graph when next computed with; models trace their functions again lazily. A
 * model's {@code close()} compacts when the ops no open model needs outnumber the ones they need
 * ({@link #compactIfWorthwhile()}); nothing compacts while a {@code fit}, {@code evaluate} or {@code predict} runs
 * ({@link #enter(User)}/{@link #exit()}). Operands taken from the graph by user code are valid until the next
 * compaction.
 */
public final class Context implements AutoCloseable {

  private static Context current;
  private static Long pendingSeed;

  private Graph graph;
  private GraphNames names;
  private Ops tf;
  private Session session;
  private int generation;
  /** Ops added outside the op builders (gradients), counted by walking the graph. */
  private long extraOps;
  /** Ops created by variable bindings in this generation. */
  private long variableOps;
  private final Map<String, Integer> uids = new HashMap<>();
  private final Map<KerasVariable, Host> pendingInit = new LinkedHashMap<>();
  /** Variables bound in this generation. */
  private final List<WeakReference<KerasVariable>> bound = new ArrayList<>();
  /** Open users (models) and the ops they traced in this generation. */
  private final List<Usage> users = new ArrayList<>();
  private int busy;
  private boolean compactWanted;
  private long nextGrowthCheck;
  private int compactions;
  private Random random;
  private boolean closed;

  private Context(long seed) {
    FusedLstm.register();
    RandomGradients.register();
    newGraph();
    this.random = new Random(seed);
  }

  private void newGraph() {
    this.graph = new Graph();
    this.names = new GraphNames(graph);
    this.tf = Ops.create(names);
    this.extraOps = 0;
    this.variableOps = 0;
  }

  /**
   * Something that traces functions into the graph and needs variables (a model's engine). The context holds it
   * weakly: a user that is garbage collected stops counting as open.
   */
  public interface User {
    /** The variables the user's traced functions read or update. */
    Collection<KerasVariable> graphVariables();
  }

  private static final class Usage extends WeakReference<User> {
    long ops;

    Usage(User u) {
      super(u);
    }
  }

  /** A variable's value kept on the host while it has no graph ops, or waiting to be assigned. */
  static final class Host {
    final long[] shape;
    final float[] data;

    Host(long[] shape, float[] data) {
      this.shape = shape;
      this.data = data;
    }

    static Host of(FloatNdArray a, String name) {
      long n = a.shape().size();
      if (n > Integer.MAX_VALUE - 8) {
        throw new IllegalStateException("Variable " + name + " holds " + n + " values, too many to keep on the host "
            + "while the backend graph is compacted");
      }
      float[] d = new float[(int) n];
      a.copyTo(DataBuffers.of(d, false, false));
      return new Host(a.shape().asArray(), d);
    }

    TFloat32 tensor() {
      return Tensors.of(shape, data);
    }

    FloatNdArray array() {
      return NdArrays.wrap(Shape.of(shape), DataBuffers.of(data.clone(), false, false));
    }
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

  /** The generation of the graph: 0 at first, one more after each {@link #compact()}. */
  public synchronized int generation() {
    return generation;
  }

  /** How many times this context compacted its graph. */
  public synchronized int compactions() {
    return compactions;
  }

  /** Operations in the current graph (counted as they are created). */
  public synchronized long opCount() {
    return closed ? 0 : names.count() + extraOps;
  }

  /** Operations of the current graph other than the variables' own (traced functions): marks for {@link #traced}. */
  public synchronized long functionOps() {
    return opCount() - variableOps;
  }

  /** The TensorFlow graph of this context (of the current generation). */
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
    registerBound(v);
    if (initialValue != null) {
      pendingInit.put(v, new Host(shape, initialValue));
      v.initialized(true);
    }
    return v;
  }

  /** A variable of unknown shape holding a data set, fed from the host and indexed inside the graph. */
  public synchronized KerasVariable newDataVariable(String name) {
    checkOpen();
    KerasVariable v = new KerasVariable(this, name, null, false);
    registerBound(v);
    return v;
  }

  private void registerBound(KerasVariable v) {
    bound.add(new WeakReference<>(v));
    variableOps += v.ops();
  }

  /** Creates the ops of a variable parked by a compaction in the current graph; its value is assigned before the next run. */
  synchronized void ensureBound(KerasVariable v) {
    if (v.bound()) {
      return;
    }
    checkOpen();
    Host h = v.parked();
    v.bind();
    v.parked(null);
    registerBound(v);
    if (h != null) {
      pendingInit.put(v, h);
      v.initialized(true);
    }
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
      for (Map.Entry<KerasVariable, Host> e : pendingInit.entrySet()) {
        KerasVariable v = e.getKey();
        TFloat32 t = e.getValue().tensor();
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
    checkOpen();
    List<FloatNdArray> out = new ArrayList<>(Collections.nCopies(vars.size(), (FloatNdArray) null));
    List<Integer> inGraph = new ArrayList<>();
    for (int i = 0; i < vars.size(); i++) {
      KerasVariable v = vars.get(i);
      if (v.bound()) {
        inGraph.add(i);
      } else if (v.parked() != null) {
        out.set(i, v.parked().array());
      } else {
        throw new IllegalStateException("Variable " + v.name() + " holds no value yet");
      }
    }
    if (!inGraph.isEmpty()) {
      run(r -> inGraph.forEach(i -> r.fetch(vars.get(i).value())), res -> {
        for (int k = 0; k < inGraph.size(); k++) {
          out.set(inGraph.get(k), Tensors.toHost((TFloat32) res.get(k)));
        }
        return null;
      });
    }
    return out;
  }

  /** Assigns values to variables in one session call; shapes must have been checked by the caller. */
  public synchronized void assign(List<KerasVariable> vars, List<FloatNdArray> values) {
    if (vars.isEmpty()) {
      return;
    }
    checkOpen();
    List<Integer> inGraph = new ArrayList<>();
    for (int i = 0; i < vars.size(); i++) {
      KerasVariable v = vars.get(i);
      if (v.bound()) {
        inGraph.add(i);
      } else {
        v.parked(Host.of(values.get(i), v.name()));
      }
    }
    if (inGraph.isEmpty()) {
      return;
    }
    flushInit();
    List<Tensor> feeds = new ArrayList<>();
    try {
      Session.Runner runner = session().runner();
      for (int i : inGraph) {
        KerasVariable v = vars.get(i);
        pendingInit.remove(v);
        v.initialized(true);
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
    long n = ReluGradients.rewire(graph, names.count() + extraOps);
    extraOps = n - names.count();
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

  // ---------------------------------------------------------------- compaction

  /**
   * Marks the start of a {@code fit}, {@code evaluate} or {@code predict} (or anything that runs functions traced
   * earlier): no compaction happens until the matching {@link #exit()}. When no other call is running and the graph
   * grew a lot since the last check, compacts first if worthwhile, so callers must look at {@link #generation()}
   * after entering. {@code user} (may be null) is open from now on: its variables count as needed.
   */
  public synchronized void enter(User user) {
    checkOpen();
    if (user != null) {
      usage(user);
    }
    if (busy == 0 && compactWanted) {
      compact();
    } else if (busy == 0 && opCount() >= nextGrowthCheck) {
      compactIfWorthwhile();
    }
    busy++;
  }

  /** Ends what {@link #enter(User)} started; a compaction asked for meanwhile runs now. */
  public synchronized void exit() {
    busy--;
    if (busy == 0 && compactWanted && !closed) {
      compact();
    }
  }

  /** Records {@code ops} operations traced by {@code user} in the current generation. */
  public synchronized void traced(User user, long ops) {
    usage(user).ops += ops;
  }

  private Usage usage(User user) {
    for (Usage u : users) {
      if (u.get() == user) {
        return u;
      }
    }
    Usage u = new Usage(user);
    users.add(u);
    return u;
  }

  /** The user no longer needs its functions (a closed model): compacts if the unneeded part of the graph is large. */
  public synchronized void release(User user) {
    users.removeIf(u -> u.get() == null || u.get() == user);
    if (!closed) {
      compactIfWorthwhile();
    }
  }

  /** Operations the open users need: their traced functions and the variables they use. */
  public synchronized long liveOps() {
    long n = 0;
    Set<KerasVariable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Iterator<Usage> it = users.iterator(); it.hasNext();) {
      Usage u = it.next();
      User user = u.get();
      if (user == null) {
        it.remove();
        continue;
      }
      n += u.ops;
      for (KerasVariable v : user.graphVariables()) {
        if (v != null && v.context() == this && v.bound() && seen.add(v)) {
          n += v.ops();
        }
      }
    }
    return n;
  }

  /** Fewest unneeded ops that make a compaction worthwhile ({@code -Dkeras4j.compactMinOps}, default 1000). */
  static long minGarbage() {
    return Long.getLong("keras4j.compactMinOps", 1000L);
  }

  /**
   * Compacts when the ops no open user needs (functions traced by closed or collected models, variables of layers
   * only they held) outnumber both the ops open users need and {@code keras4j.compactMinOps}; the cost of a
   * compaction, proportional to what survives it, is thus paid for by the garbage it frees. Returns whether it did.
   */
  public synchronized boolean compactIfWorthwhile() {
    if (closed) {
      return false;
    }
    long total = opCount();
    long live = liveOps();
    long min = minGarbage();
    if (min >= 0 && total - live > Math.max(live, min)) {
      return compact();
    }
    nextGrowthCheck = total + Math.max(live, Math.max(min, 0)) + 1;
    return false;
  }

  /**
   * Swaps the graph and session for fresh ones: the value of every variable still referenced is kept on the host
   * (one session run) and its ops are created again in the new graph when it is next computed with; functions
   * traced by models are traced again on their next use. Deferred (returns false) while a call between
   * {@link #enter(User)} and {@link #exit()} runs.
   */
  public synchronized boolean compact() {
    checkOpen();
    if (busy > 0) {
      compactWanted = true;
      return false;
    }
    compactWanted = false;
    flushInit();
    List<KerasVariable> alive = new ArrayList<>();
    for (WeakReference<KerasVariable> r : bound) {
      KerasVariable v = r.get();
      if (v != null && v.bound()) {
        alive.add(v);
      }
    }
    List<KerasVariable> fetch = new ArrayList<>();
    for (KerasVariable v : alive) {
      if (v.initialized()) {
        fetch.add(v);
      }
    }
    Map<KerasVariable, Host> values = new IdentityHashMap<>();
    if (!fetch.isEmpty()) {
      run(r -> fetch.forEach(v -> r.fetch(v.value())), res -> {
        for (int i = 0; i < fetch.size(); i++) {
          values.put(fetch.get(i), Host.of((TFloat32) res.get(i), fetch.get(i).name()));
        }
        return null;
      });
    }
    for (KerasVariable v : alive) {
      v.park(values.get(v));
    }
    pendingInit.clear();
    bound.clear();
    if (session != null) {
      session.close();
      session = null;
    }
    graph.close();
    newGraph();
    generation++;
    compactions++;
    users.removeIf(u -> u.get() == null);
    users.forEach(u -> u.ops = 0);
    if (profile != null) {
      profile = new Profile(graph);
    }
    nextGrowthCheck = minGarbage();
    return true;
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
