package keras4j.models;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import keras4j.backend.Context;
import keras4j.backend.KerasVariable;
import keras4j.backend.Shapes;
import keras4j.backend.Tensors;
import keras4j.callbacks.Callback;
import keras4j.callbacks.ProgbarLogger;
import keras4j.layers.LossScope;
import keras4j.losses.Objective;
import keras4j.metrics.Metric;
import keras4j.metrics.Metrics;
import org.tensorflow.Operand;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.index.Indices;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Keras's trainer ({@code fit}, {@code evaluate}, {@code predict}) on one TensorFlow graph. Training data stay
 * resident in TensorFlow variables; each step feeds only the batch's indices and makes one Session call.
 */
final class TrainEngine implements AutoCloseable, Context.User {
  private final Model model;
  private final Context ctx;
  /** The graph generation the cached functions below were traced in. */
  private int generation;

  /** Data variables: one per training input/target and one per validation input/target. */
  private final List<KerasVariable> trainSlots = new ArrayList<>();
  private final List<KerasVariable> testSlots = new ArrayList<>();

  private final Map<String, StepFunction> trainFunctions = new HashMap<>();
  private final Map<String, StepFunction> testFunctions = new HashMap<>();
  private PredictFunction predictFunction;

  TrainEngine(Model model) {
    this.model = model;
    this.ctx = Context.current();
    this.generation = ctx.generation();
  }

  /** Starts a call that runs traced functions: no compaction until {@link #exit()}; forgets stale functions. */
  void enter() {
    ctx.enter(this);
    sync();
  }

  void exit() {
    ctx.exit();
  }

  /** Forgets functions traced in an earlier generation of the graph (after a compaction). */
  void sync() {
    if (ctx.generation() != generation) {
      trainFunctions.clear();
      testFunctions.clear();
      predictFunction = null;
      generation = ctx.generation();
    }
  }

  /** The graph ops the model's functions need: its weights, its optimizer's state and its data slots. */
  @Override
  public java.util.Collection<KerasVariable> graphVariables() {
    List<KerasVariable> all = new ArrayList<>(model.weights());
    if (model.optimizer() != null) {
      all.addAll(model.optimizer().variables());
    }
    all.addAll(trainSlots);
    all.addAll(testSlots);
    return all;
  }

  /** Records the ops traced since {@code mark} ({@link Context#functionOps()}) as this model's. */
  void traced(long mark) {
    ctx.traced(this, ctx.functionOps() - mark);
  }

  /** Forgets the training graph after {@code compile} was called again. */
  void resetTraining() {
    trainFunctions.clear();
    testFunctions.clear();
  }

  /** A compiled step: feeds batch indices (or, for the streaming engine, batches), fetches loss and metrics. */
  static final class StepFunction {
    Placeholder<TInt32> indices;
    List<Operand<TFloat32>> fetches = new ArrayList<>();
    List<String> names = new ArrayList<>();
    Op train;
    /** Fetches before this index are averaged weighted by batch size; later ones (addMetric) per batch. */
    int batchWeighted;
    /** For a metric of masked predictions: the index of the (unlogged) fetch of its batch's unmasked fraction. */
    Map<Integer, Integer> maskShares = new HashMap<>();
  }

  static final class PredictFunction {
    List<Placeholder<TFloat32>> inputs = new ArrayList<>();
    List<Operand<TFloat32>> outputs;
  }

  // ------------------------------------------------------------------ data

  /**
   * Which data slot feeds each array: arrays that are the same object (an autoencoder's x and y) share one slot.
   * Returns, for each of xs then ys, the slot index.
   */
  private static int[] slotPlan(List<FloatNdArray> xs, List<FloatNdArray> ys) {
    List<FloatNdArray> all = new ArrayList<>(xs);
    all.addAll(ys);
    int[] plan = new int[all.size()];
    List<FloatNdArray> distinct = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      int found = -1;
      for (int k = 0; k < distinct.size(); k++) {
        if (distinct.get(k) == all.get(i)) {
          found = k;
        }
      }
      if (found < 0) {
        distinct.add(all.get(i));
        found = distinct.size() - 1;
      }
      plan[i] = found;
    }
    return plan;
  }

  private static String key(int[] plan) {
    return java.util.Arrays.toString(plan);
  }

  private void upload(List<KerasVariable> slots, String prefix, List<FloatNdArray> arrays, int[] plan, long from,
      long to) {
    List<FloatNdArray> distinct = new ArrayList<>();
    for (int i = 0; i < plan.length; i++) {
      if (plan[i] == distinct.size()) {
        distinct.add(arrays.get(i));
      }
    }
    ensureSlots(slots, prefix, distinct.size());
    List<KerasVariable> targets = new ArrayList<>();
    List<FloatNdArray> values = new ArrayList<>();
    for (int k = 0; k < distinct.size(); k++) {
      FloatNdArray a = distinct.get(k);
      boolean whole = from == 0 && to == a.shape().size(0);
      targets.add(slots.get(k));
      values.add(whole ? a : a.slice(Indices.range(from, to)));
    }
    ctx.assign(targets, values);
  }

  private void ensureSlots(List<KerasVariable> slots, String prefix, int count) {
    while (slots.size() < count) {
      slots.add(ctx.newDataVariable(model.name() + "/" + prefix + "_data_" + slots.size()));
    }
  }

  private void release(List<KerasVariable> slots) {
    if (slots.isEmpty() || ctx.isClosed()) {
      return;
    }
    List<FloatNdArray> empty = new ArrayList<>();
    for (int i = 0; i < slots.size(); i++) {
      empty.add(NdArrays.ofFloats(Shape.of(0)));
    }
    ctx.assign(slots, empty);
  }

  // ------------------------------------------------------------------ graph building

  private Operand<TFloat32> batchOf(KerasVariable slot, Placeholder<TInt32> idx, long[] shape) {
    Ops tf = ctx.ops();
    Operand<TFloat32> g = tf.gather(slot.ref(), idx, tf.constant(0));
    long[] s = shape.clone();
    s[0] = -1;
    return tf.reshape(g, tf.constant(s));
  }

  private StepFunction buildStep(List<KerasVariable> slots, int[] plan, List<long[]> yShapes, boolean training) {
    long mark = ctx.functionOps();
    StepFunction f = new StepFunction();
    int nx = model.inputs().size();
    ensureSlots(slots, training ? "train" : "test", java.util.Arrays.stream(plan).max().orElse(0) + 1);
    Ops tf = ctx.ops();
    f.indices = tf.placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
    List<Operand<TFloat32>> xb = new ArrayList<>();
    for (int i = 0; i < nx; i++) {
      xb.add(batchOf(slots.get(plan[i]), f.indices, model.inputs().get(i).shape()));
    }
    List<Operand<TFloat32>> yb = new ArrayList<>();
    for (int o = 0; o < yShapes.size(); o++) {
      yb.add(batchOf(slots.get(plan[nx + o]), f.indices, yShapes.get(o)));
    }
    try {
      return trace(f, xb, yb, yShapes, training);
    } finally {
      traced(mark);
    }
  }

  /** The step's graph from batch tensors {@code xb} and targets {@code yb}, however they are fed. */
  StepFunction buildStep(StepFunction f, List<Operand<TFloat32>> xb, List<Operand<TFloat32>> yb,
      List<long[]> yShapes, boolean training) {
    long mark = ctx.functionOps();
    try {
      return trace(f, xb, yb, yShapes, training);
    } finally {
      traced(mark);
    }
  }

  private StepFunction trace(StepFunction f, List<Operand<TFloat32>> xb, List<Operand<TFloat32>> yb,
      List<long[]> yShapes, boolean training) {
    Ops tf = ctx.ops();
    Operand<TFloat32> total = null;
    List<Operand<TFloat32>> seedYs = new ArrayList<>();
    List<Operand<TFloat32>> seedDys = new ArrayList<>();
    List<Operand<TFloat32>> metricValues = new ArrayList<>();
    List<String> metricNames = new ArrayList<>();
    Map<Integer, Operand<TFloat32>> shares = new HashMap<>();
    Map<String, Operand<TFloat32>> added;
    try (LossScope scope = LossScope.open()) {
      Model.StepState state = new Model.StepState(tf, scope);
      model.step(state);
      try {
        Model.Called called = model.callWithMasks(tf.withSubScope(training ? "train" : "test"), xb, training);
        List<Operand<TFloat32>> yPred = called.outputs();
        if (model.customComputeLoss()) {
          total = model.computeLoss(tf, xb, yb, yPred, training);
          seedYs.add(total);
          seedDys.add(tf.onesLike(total));
        } else {
          if (model.loss() != null && yb.size() != yPred.size()) {
            throw new IllegalArgumentException("Model " + model.name() + " has " + yPred.size()
                + " output(s), but received " + yb.size() + " target array(s)");
          }
          for (int o = 0; o < yPred.size() && model.loss() != null; o++) {
            Objective objective = model.loss().objective(tf, yb.get(o), yPred.get(o), called.masks().get(o));
            Operand<TFloat32> l = objective.value();
            total = total == null ? l : tf.math.add(total, l);
            seedYs.addAll(objective.ys());
            seedDys.addAll(objective.dys());
          }
          for (Operand<TFloat32> extra : model.losses()) {
            Operand<TFloat32> l = tf.sum(extra, tf.range(tf.constant(0), tf.rank(extra), tf.constant(1)));
            total = total == null ? l : tf.math.add(total, l);
            seedYs.add(l);
            seedDys.add(tf.onesLike(l));
          }
          if (total == null) {
            throw new IllegalStateException("No loss to compute for model " + model.name()
                + ". Provide a `loss` argument in `compile()`.");
          }
        }
        for (int o = 0; o < yPred.size() && o < yb.size(); o++) {
          long[] ys = yShapes.get(o);
          Operand<TBool> mask = called.masks().get(o);
          Operand<TFloat32> share = mask == null ? null : tf.math.mean(tf.dtypes.cast(mask, TFloat32.class),
              tf.range(tf.constant(0), tf.rank(mask), tf.constant(1)));
          int first = metricValues.size();
          String prefix = yPred.size() > 1 ? model.outputs().get(o).layer().name() + "_" : "";
          for (String m : model.metricNames()) {
            Metric metric = Metrics.get(m, ys, model.outputs().get(o).shape());
            metricValues.add(metric.batchMean(tf, yb.get(o), yPred.get(o), mask));
            metricNames.add(prefix + metric.name());
          }
          for (Metric metric : model.metricObjects()) {
            metricValues.add(metric.batchMean(tf, yb.get(o), yPred.get(o), mask));
            metricNames.add(prefix + metric.name());
          }
          for (int k = first; share != null && k < metricValues.size(); k++) {
            shares.put(1 + k, share);
          }
        }
        added = new LinkedHashMap<>(state.metrics);
      } finally {
        model.step(null);
      }
    }
    f.fetches.add(total);
    f.names.add("loss");
    f.fetches.addAll(metricValues);
    f.names.addAll(metricNames);
    f.batchWeighted = f.fetches.size();
    added.forEach((k, v) -> {
      f.names.add(k);
      f.fetches.add(v);
    });
    shares.forEach((k, v) -> {
      f.maskShares.put(k, f.fetches.size());
      f.fetches.add(v);
    });
    if (training) {
      List<KerasVariable> vars = model.trainableWeights();
      if (vars.isEmpty()) {
        throw new IllegalStateException("Model " + model.name() + " has no trainable weights to fit");
      }
      List<Operand<TFloat32>> values = new ArrayList<>();
      vars.forEach(v -> values.add(v.value()));
      List<Operand<TFloat32>> grads = ctx.gradients(seedYs, seedDys, values);
      List<org.tensorflow.Operation> gradOps = new ArrayList<>();
      grads.forEach(g -> gradOps.add(g.op()));
      gradOps.add(total.op());
      Op apply = model.optimizer().applyGradients(tf.withControlDependencyOps(gradOps), vars, grads);
      Map<KerasVariable, keras4j.constraints.Constraint> constraints = model.constraints();
      if (constraints.isEmpty()) {
        f.train = apply;
      } else {
        Ops after = tf.withControlDependencies(List.of(apply));
        List<Op> assigns = new ArrayList<>();
        constraints.forEach((v, c) -> assigns.add(after.assign(v.ref(), c.call(after, after.identity(v.ref())))));
        f.train = tf.withControlDependencies(assigns).noOp();
      }
    }
    return f;
  }

  PredictFunction predictFunction() {
    if (predictFunction == null) {
      long mark = ctx.functionOps();
      Ops tf = ctx.ops();
      PredictFunction p = new PredictFunction();
      List<Operand<TFloat32>> in = new ArrayList<>();
      for (long[] s : model.inputShapes()) {
        Placeholder<TFloat32> ph = ctx.placeholder(s);
        p.inputs.add(ph);
        in.add(ph);
      }
      p.outputs = new ArrayList<>(model.call(tf.withSubScope("predict"), in, false));
      for (int o = 0; o < p.outputs.size(); o++) {
        if (in.contains(p.outputs.get(o))) {
          p.outputs.set(o, tf.identity(p.outputs.get(o)));
        }
      }
      predictFunction = p;
      traced(mark);
    }
    return predictFunction;
  }

  // ------------------------------------------------------------------ checks

  private long checkData(List<FloatNdArray> x, List<FloatNdArray> y) {
    if (x.size() != model.inputs().size()) {
      throw new IllegalArgumentException("Model " + model.name() + " expects " + model.inputs().size()
          + " input array(s), received " + x.size());
    }
    if (y != null && !(y.isEmpty() && (model.customComputeLoss() || model.loss() == null))
        && y.size() != model.outputs().size()) {
      throw new IllegalArgumentException("Model " + model.name() + " has " + model.outputs().size()
          + " output(s), but received " + y.size() + " target array(s)");
    }
    List<Long> xs = new ArrayList<>();
    List<Long> ys = new ArrayList<>();
    for (int i = 0; i < x.size(); i++) {
      checkShape(x.get(i), model.inputs().get(i).shape(), i, "input");
      xs.add(x.get(i).shape().size(0));
    }
    if (y != null) {
      for (int i = 0; i < y.size(); i++) {
        if (y.get(i) == null || y.get(i).rank() == 0) {
          throw new IllegalArgumentException("Target " + i + " must be an array with a batch dimension, received "
              + (y.get(i) == null ? "null" : "a scalar"));
        }
        ys.add(y.get(i).shape().size(0));
        checkTarget(y.get(i), i);
      }
    }
    List<Long> all = new ArrayList<>(xs);
    all.addAll(ys);
    if (all.stream().distinct().count() > 1) {
      throw new IllegalArgumentException("Data cardinality is ambiguous: x sizes: " + join(xs) + ", y sizes: " + join(ys)
          + ". Make sure all arrays contain the same number of samples.");
    }
    long n = xs.get(0);
    if (n == 0) {
      throw new IllegalArgumentException("The data has no samples (first dimension is 0)");
    }
    return n;
  }

  /** Keras's check that a target has its output's shape (sparse losses take class indices instead). */
  private void checkTarget(FloatNdArray y, int i) {
    if (model.loss() == null || model.loss() instanceof keras4j.losses.SparseCategoricalCrossentropy) {
      return;
    }
    long[] expected = model.outputs().get(i).shape();
    long[] got = y.shape().asArray();
    long[] gotNone = got.clone();
    gotNone[0] = -1;
    if (!Shapes.compatible(squeezed(expected), squeezed(gotNone))) {
      throw new IllegalArgumentException("Model " + model.name() + ": target " + i + " (y) must have the shape of output "
          + i + ": expected " + Shapes.format(expected) + ", received " + Shapes.format(got));
    }
  }

  /** The shape without a trailing 1 (Keras squeezes or expands a target to its output's rank). */
  private static long[] squeezed(long[] s) {
    return s.length > 1 && s[s.length - 1] == 1 ? java.util.Arrays.copyOf(s, s.length - 1) : s;
  }

  private static String join(List<Long> l) {
    StringBuilder sb = new StringBuilder();
    for (Long v : l) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(v);
    }
    return sb.toString();
  }

  private void checkShape(FloatNdArray a, long[] expected, int i, String what) {
    if (a == null) {
      throw new IllegalArgumentException("Model " + model.name() + " " + what + " " + i + " is null");
    }
    long[] got = a.shape().asArray();
    long[] gotNone = got.clone();
    if (gotNone.length > 0) {
      gotNone[0] = -1;
    }
    if (!Shapes.compatible(expected, gotNone)) {
      throw new IllegalArgumentException("Input " + i + " of layer \"" + model.name()
          + "\" is incompatible with the layer: expected shape=" + Shapes.format(expected) + ", found shape="
          + Shapes.format(got));
    }
  }

  private List<long[]> targetShapes(List<FloatNdArray> y) {
    List<long[]> s = new ArrayList<>();
    for (FloatNdArray a : y) {
      long[] shape = a.shape().asArray();
      shape[0] = -1;
      s.add(shape);
    }
    return s;
  }

  // ------------------------------------------------------------------ fit

  History fit(List<FloatNdArray> x, List<FloatNdArray> y, Fit.Settings s) {
    enter();
    try {
      return fitEntered(x, y, s);
    } finally {
      exit();
    }
  }

  private History fitEntered(List<FloatNdArray> x, List<FloatNdArray> y, Fit.Settings s) {
    long n = checkData(x, y);
    int[] plan = slotPlan(x, y);
    List<FloatNdArray> all = new ArrayList<>(x);
    all.addAll(y);
    long nTrain = n;
    List<FloatNdArray> vx = s.validationX;
    List<FloatNdArray> vy = s.validationY;
    boolean splitValidation = vx == null && s.validationSplit > 0;
    if (splitValidation) {
      nTrain = (long) Math.floor(n * (1.0 - s.validationSplit));
      if (nTrain == 0 || nTrain == n) {
        throw new IllegalArgumentException("Training data contains " + n + " samples, which is not sufficient to split it "
            + "into a validation and training set as specified by `validation_split=" + s.validationSplit + "`. Either "
            + "provide more data, or a different value for the `validation_split` argument.");
      }
    }
    if (nTrain > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("Too many samples for one fit: " + nTrain);
    }
    long nVal = 0;
    int[] valPlan = null;
    if (vx != null) {
      nVal = checkData(vx, vy);
      valPlan = slotPlan(vx, vy);
    } else if (splitValidation) {
      nVal = n - nTrain;
      valPlan = plan;
    }
    StepFunction train = trainFunctions.computeIfAbsent(key(plan), k -> buildStep(trainSlots, plan, targetShapes(y), true));
    StepFunction test = null;
    if (valPlan != null) {
      int[] vp = valPlan;
      List<long[]> vys = targetShapes(vx != null ? vy : y);
      test = testFunctions.computeIfAbsent(key(vp), k -> buildStep(testSlots, vp, vys, false));
    }
    upload(trainSlots, "train", all, plan, 0, nTrain);
    if (vx != null) {
      List<FloatNdArray> vall = new ArrayList<>(vx);
      vall.addAll(vy);
      upload(testSlots, "test", vall, valPlan, 0, nVal);
    } else if (splitValidation) {
      upload(testSlots, "test", all, plan, nTrain, n);
    }

    int batch = s.batchSize;
    int steps = (int) ((nTrain + batch - 1) / batch);
    History history = new History();
    List<Callback> callbacks = new ArrayList<>(s.callbacks);
    if (s.verbose > 0) {
      callbacks.add(new ProgbarLogger(s.verbose));
    }
    callbacks.add(history);
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("verbose", s.verbose);
    params.put("epochs", s.epochs);
    params.put("steps", steps);
    for (Callback c : callbacks) {
      c.setModel(model);
      c.setParams(params);
    }
    Random random = keras4j.backend.ShuffleRandom.of(model, ctx);
    int[] order = new int[(int) nTrain];
    model.stopTraining(false);
    model.inFit(true);
    try {
      callbacks.forEach(c -> c.onTrainBegin(Map.of()));
      Map<String, Double> epochLogs = new LinkedHashMap<>();
      for (int epoch = s.initialEpoch; epoch < s.epochs; epoch++) {
        int e = epoch;
        callbacks.forEach(c -> c.onEpochBegin(e, Map.of()));
        for (int i = 0; i < order.length; i++) {
          order[i] = i;
        }
        if (s.shuffle) {
          for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
          }
        }
        Map<String, Double> finalLogs = new LinkedHashMap<>(runEpoch(train, order, batch, callbacks, true));
        if (test != null && !model.stopTraining()) {
          runTest(test, nVal, s.batchSize, callbacks).forEach((k, v) -> finalLogs.put("val_" + k, v));
        }
        epochLogs = finalLogs;
        callbacks.forEach(c -> c.onEpochEnd(e, finalLogs));
        if (model.stopTraining()) {
          break;
        }
      }
      Map<String, Double> last = epochLogs;
      callbacks.forEach(c -> c.onTrainEnd(last));
    } finally {
      model.inFit(false);
      release(trainSlots);
      release(testSlots);
    }
    return history;
  }

  /** One pass over {@code order} in batches; returns the running (sample-weighted) means, as Keras logs them. */
  private Map<String, Double> runEpoch(StepFunction f, int[] order, int batch, List<Callback> callbacks,
      boolean training) {
    int n = order.length;
    int steps = (int) ((n + (long) batch - 1) / batch);
    EpochMeans means = new EpochMeans(f, true);
    Map<String, Double> logs = new LinkedHashMap<>();
    for (int step = 0; step < steps; step++) {
      int from = (int) Math.min(n, (long) step * batch);
      int to = (int) Math.min(n, (long) from + batch);
      int st = step;
      if (training) {
        callbacks.forEach(c -> c.onTrainBatchBegin(st, Map.of()));
      } else {
        callbacks.forEach(c -> c.onTestBatchBegin(st, Map.of()));
      }
      float[] values;
      try (TInt32 idx = Tensors.ints(order, from, to)) {
        values = ctx.run(r -> {
          r.feed(f.indices, idx);
          f.fetches.forEach(r::fetch);
          if (training) {
            r.addTarget(f.train);
          }
        }, res -> {
          float[] v = new float[f.fetches.size()];
          for (int i = 0; i < v.length; i++) {
            v[i] = ((TFloat32) res.get(i)).getFloat();
          }
          return v;
        });
      }
      means.add(values, to - from);
      logs = means.logs();
      Map<String, Double> l = logs;
      if (training) {
        callbacks.forEach(c -> c.onTrainBatchEnd(st, l));
        if (model.stopTraining()) {
          break;
        }
      } else {
        callbacks.forEach(c -> c.onTestBatchEnd(st, l));
      }
    }
    return logs;
  }

  private Map<String, Double> runTest(StepFunction f, long n, int batch, List<Callback> callbacks) {
    int[] order = new int[(int) n];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    callbacks.forEach(c -> c.onTestBegin(Map.of()));
    Map<String, Double> logs = runEpoch(f, order, batch, callbacks, false);
    callbacks.forEach(c -> c.onTestEnd(logs));
    return logs;
  }

  // ------------------------------------------------------------------ evaluate / predict

  Map<String, Double> evaluate(List<FloatNdArray> x, List<FloatNdArray> y, Fit.Settings s) {
    enter();
    try {
      return evaluateEntered(x, y, s);
    } finally {
      exit();
    }
  }

  private Map<String, Double> evaluateEntered(List<FloatNdArray> x, List<FloatNdArray> y, Fit.Settings s) {
    long n = checkData(x, y);
    int[] plan = slotPlan(x, y);
    StepFunction test = testFunctions.computeIfAbsent(key(plan), k -> buildStep(testSlots, plan, targetShapes(y), false));
    List<FloatNdArray> all = new ArrayList<>(x);
    all.addAll(y);
    List<Callback> callbacks = new ArrayList<>(s.callbacks);
    if (s.verbose > 0) {
      callbacks.add(new ProgbarLogger(s.verbose));
    }
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("verbose", s.verbose);
    params.put("steps", (int) ((n + s.batchSize - 1) / s.batchSize));
    for (Callback c : callbacks) {
      c.setModel(model);
      c.setParams(params);
    }
    upload(testSlots, "test", all, plan, 0, n);
    try {
      return runTest(test, n, s.batchSize, callbacks);
    } finally {
      release(testSlots);
    }
  }

  List<FloatNdArray> predict(List<FloatNdArray> x, Fit.Settings s) {
    enter();
    try {
      return predictEntered(x, s);
    } finally {
      exit();
    }
  }

  private List<FloatNdArray> predictEntered(List<FloatNdArray> x, Fit.Settings s) {
    long n = checkData(x, null);
    PredictFunction p = predictFunction();
    int batch = s.batchSize;
    int steps = (int) ((n + batch - 1) / batch);
    List<Callback> callbacks = new ArrayList<>(s.callbacks);
    if (s.verbose > 0) {
      callbacks.add(new ProgbarLogger(s.verbose));
    }
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("verbose", s.verbose);
    params.put("steps", steps);
    for (Callback c : callbacks) {
      c.setModel(model);
      c.setParams(params);
    }
    callbacks.forEach(c -> c.onPredictBegin(Map.of()));
    List<FloatNdArray> results = new ArrayList<>();
    for (long[] shape : model.outputShapes()) {
      results.add(null);
    }
    for (int step = 0; step < steps; step++) {
      long from = (long) step * batch;
      long to = Math.min(n, from + batch);
      int st = step;
      callbacks.forEach(c -> c.onPredictBatchBegin(st, Map.of()));
      List<TFloat32> feeds = new ArrayList<>();
      try {
        for (FloatNdArray a : x) {
          feeds.add(Tensors.rows(a, from, to));
        }
        ctx.run(r -> {
          for (int i = 0; i < feeds.size(); i++) {
            r.feed(p.inputs.get(i), feeds.get(i));
          }
          p.outputs.forEach(r::fetch);
        }, res -> {
          for (int o = 0; o < p.outputs.size(); o++) {
            TFloat32 t = (TFloat32) res.get(o);
            if (results.get(o) == null) {
              long[] shape = t.shape().asArray();
              shape[0] = n;
              results.set(o, NdArrays.ofFloats(Shape.of(shape)));
            }
            Tensors.copyRows(t, results.get(o), from);
          }
          return null;
        });
      } finally {
        feeds.forEach(Tensor::close);
      }
      callbacks.forEach(c -> c.onPredictBatchEnd(st, Map.of()));
    }
    callbacks.forEach(c -> c.onPredictEnd(Map.of()));
    return results;
  }

  /** Frees the data slots and tells the context the model's functions are no longer needed (it may compact). */
  @Override
  public void close() {
    release(trainSlots);
    release(testSlots);
    if (!ctx.isClosed()) {
      ctx.release(this);
    }
  }
}
