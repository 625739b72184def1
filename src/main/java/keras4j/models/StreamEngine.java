package keras4j.models;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import keras4j.backend.Context;
import keras4j.backend.Shapes;
import keras4j.backend.Tensors;
import keras4j.callbacks.Callback;
import keras4j.callbacks.ProgbarLogger;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.index.Indices;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * {@code fit}, {@code evaluate} and {@code predict} on data that is not held in memory: batches come from a
 * {@link BatchSource} through an {@link Enqueuer} (read and converted to tensors on background threads) and are fed
 * to placeholders; the step's graph is the in-memory engine's ({@link TrainEngine#buildStep}), so losses, metrics
 * and updates are the same. Keras's {@code steps_per_epoch}, {@code validation_steps} and {@code steps} apply.
 */
final class StreamEngine {
  private static final Logger LOG = Logger.getLogger(StreamEngine.class.getName());
  private final Model model;
  private final Context ctx;
  private final Map<String, Step> steps = new LinkedHashMap<>();
  private Object[] compiledWith;
  private int generation;

  /** A step function fed by placeholders. */
  private static final class Step {
    final TrainEngine.StepFunction f;
    final List<Placeholder<TFloat32>> xs;
    final List<Placeholder<TFloat32>> ys;

    Step(TrainEngine.StepFunction f, List<Placeholder<TFloat32>> xs, List<Placeholder<TFloat32>> ys) {
      this.f = f;
      this.xs = xs;
      this.ys = ys;
    }
  }

  StreamEngine(Model model) {
    this.model = model;
    this.ctx = Context.current();
  }

  // ------------------------------------------------------------------ graph

  private Step step(Enqueuer.Prepared first, boolean training) {
    Object[] now = {model.optimizer(), model.loss(), model.metricNames()};
    if (generation != ctx.generation()) {
      steps.clear();
      generation = ctx.generation();
    }
    if (compiledWith == null || now[0] != compiledWith[0] || now[1] != compiledWith[1] || now[2] != compiledWith[2]) {
      steps.clear();
      compiledWith = now;
    }
    List<long[]> yShapes = new ArrayList<>();
    for (TFloat32 t : first.y) {
      long[] s = t.shape().asArray();
      s[0] = -1;
      yShapes.add(s);
    }
    StringBuilder key = new StringBuilder(training ? "train" : "test");
    yShapes.forEach(s -> key.append(java.util.Arrays.toString(s)));
    return steps.computeIfAbsent(key.toString(), k -> {
      List<Placeholder<TFloat32>> xs = new ArrayList<>();
      for (long[] s : model.inputShapes()) {
        xs.add(ctx.placeholder(s));
      }
      List<Placeholder<TFloat32>> ys = new ArrayList<>();
      for (long[] s : yShapes) {
        ys.add(ctx.placeholder(s));
      }
      TrainEngine.StepFunction f = model.engine().buildStep(new TrainEngine.StepFunction(), new ArrayList<>(xs),
          new ArrayList<>(ys), yShapes, training);
      return new Step(f, xs, ys);
    });
  }

  // ------------------------------------------------------------------ checks

  private void check(Enqueuer.Prepared p, boolean targets) {
    model.ensureBuiltFor(new ArrayList<>(p.x));
    if (p.x.size() != model.inputs().size()) {
      throw new IllegalArgumentException("Model " + model.name() + " expects " + model.inputs().size()
          + " input array(s), the batch has " + p.x.size());
    }
    for (int i = 0; i < p.x.size(); i++) {
      long[] expected = model.inputs().get(i).shape();
      long[] got = p.x.get(i).shape().asArray();
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
    if (targets) {
      if (p.y.size() != model.outputs().size()) {
        throw new IllegalArgumentException("Model " + model.name() + " has " + model.outputs().size()
            + " output(s), but the batch has " + p.y.size() + " target array(s)"
            + (p.y.isEmpty() ? ": fit and evaluate need batches (x, y)" : ""));
      }
    }
    List<Long> sizes = new ArrayList<>();
    p.x.forEach(t -> sizes.add(t.rank() == 0 ? -1 : t.shape().size(0)));
    p.y.forEach(t -> sizes.add(t.rank() == 0 ? -1 : t.shape().size(0)));
    if (sizes.stream().distinct().count() > 1 || sizes.get(0) <= 0) {
      throw new IllegalArgumentException("Data cardinality is ambiguous within a batch: sizes " + sizes
          + ". Make sure all arrays of a batch contain the same (positive) number of samples.");
    }
  }

  private float[] run(Step st, Enqueuer.Prepared p, boolean training) {
    return ctx.run(r -> {
      for (int i = 0; i < st.xs.size(); i++) {
        r.feed(st.xs.get(i), p.x.get(i));
      }
      for (int i = 0; i < st.ys.size(); i++) {
        r.feed(st.ys.get(i), p.y.get(i));
      }
      st.f.fetches.forEach(r::fetch);
      if (training) {
        r.addTarget(st.f.train);
      }
    }, res -> {
      float[] v = new float[st.f.fetches.size()];
      for (int i = 0; i < v.length; i++) {
        v[i] = ((TFloat32) res.get(i)).getFloat();
      }
      return v;
    });
  }

  // ------------------------------------------------------------------ loops

  private static void configure(List<Callback> callbacks, Model model, Map<String, Object> params) {
    for (Callback c : callbacks) {
      c.setModel(model);
      c.setParams(params);
    }
  }

  /** One epoch of train or test steps; returns the running (sample-weighted) means, as Keras logs them. */
  private Map<String, Double> loop(EpochFeed feed, List<Callback> callbacks, boolean training) {
    Step[] step = new Step[1];
    EpochMeans[] means = new EpochMeans[1];
    Map<String, Double>[] logs = new Map[] {new LinkedHashMap<String, Double>()};
    feed.epoch((s, p) -> {
      check(p, true);
      if (step[0] == null) {
        step[0] = step(p, training);
        means[0] = new EpochMeans(step[0].f, false);
      }
      if (training) {
        callbacks.forEach(c -> c.onTrainBatchBegin(s, Map.of()));
      } else {
        callbacks.forEach(c -> c.onTestBatchBegin(s, Map.of()));
      }
      float[] values = run(step[0], p, training);
      means[0].add(values, p.size);
      Map<String, Double> l = means[0].logs();
      logs[0] = l;
      if (training) {
        callbacks.forEach(c -> c.onTrainBatchEnd(s, l));
        return model.stopTraining();
      }
      callbacks.forEach(c -> c.onTestBatchEnd(s, l));
      return false;
    });
    if (feed.ranOut()) {
      LOG.warning("Your input ran out of data; interrupting " + (training ? "training" : "evaluation")
          + ". Make sure that your dataset or generator can generate at least `steps_per_epoch * epochs` batches.");
    }
    return logs[0];
  }

  History fit(BatchSource train, BatchSource validation, Fit.Settings s) {
    TrainEngine engine = model.engine();
    engine.enter();
    try {
      return fitEntered(train, validation, s);
    } finally {
      engine.exit();
    }
  }

  private History fitEntered(BatchSource train, BatchSource validation, Fit.Settings s) {
    if (s.validationSplit > 0) {
      throw new IllegalArgumentException("`validation_split` is only supported for arrays, not for a PyDataset or an "
          + "iterable; pass validation data instead");
    }
    EpochFeed feed = new EpochFeed(train, s.stepsPerEpoch, s.shuffle, ctx.random());
    EpochFeed val = validation == null ? null : new EpochFeed(validation, s.validationSteps, false, ctx.random()).onePassPerEpoch();
    try {
      feed.reset(true);
      History history = new History();
      List<Callback> callbacks = new ArrayList<>(s.callbacks);
      if (s.verbose > 0) {
        callbacks.add(new ProgbarLogger(s.verbose));
      }
      callbacks.add(history);
      Map<String, Object> params = new LinkedHashMap<>();
      params.put("verbose", s.verbose);
      params.put("epochs", s.epochs);
      params.put("steps", feed.numBatches());
      configure(callbacks, model, params);
      model.stopTraining(false);
      model.inFit(true);
      try {
        callbacks.forEach(c -> c.onTrainBegin(Map.of()));
        Map<String, Double> epochLogs = new LinkedHashMap<>();
        for (int epoch = s.initialEpoch; epoch < s.epochs; epoch++) {
          int e = epoch;
          callbacks.forEach(c -> c.onEpochBegin(e, Map.of()));
          Map<String, Double> finalLogs = new LinkedHashMap<>(loop(feed, callbacks, true));
          if (val != null && !model.stopTraining()) {
            val.reset(true);
            callbacks.forEach(c -> c.onTestBegin(Map.of()));
            Map<String, Double> vl = loop(val, callbacks, false);
            callbacks.forEach(c -> c.onTestEnd(vl));
            vl.forEach((k, v) -> finalLogs.put("val_" + k, v));
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
      }
      return history;
    } finally {
      feed.close();
      if (val != null) {
        val.close();
      }
    }
  }

  Map<String, Double> evaluate(BatchSource data, Fit.Settings s) {
    TrainEngine engine = model.engine();
    engine.enter();
    try {
      return evaluateEntered(data, s);
    } finally {
      engine.exit();
    }
  }

  private Map<String, Double> evaluateEntered(BatchSource data, Fit.Settings s) {
    try (EpochFeed feed = new EpochFeed(data, s.steps, false, ctx.random()).onePassPerEpoch()) {
      feed.reset(true);
      List<Callback> callbacks = new ArrayList<>(s.callbacks);
      if (s.verbose > 0) {
        callbacks.add(new ProgbarLogger(s.verbose));
      }
      Map<String, Object> params = new LinkedHashMap<>();
      params.put("verbose", s.verbose);
      params.put("steps", feed.numBatches());
      configure(callbacks, model, params);
      callbacks.forEach(c -> c.onTestBegin(Map.of()));
      Map<String, Double> logs = loop(feed, callbacks, false);
      callbacks.forEach(c -> c.onTestEnd(logs));
      return logs;
    }
  }

  List<FloatNdArray> predict(BatchSource data, Fit.Settings s) {
    TrainEngine engine = model.engine();
    engine.enter();
    try {
      return predictEntered(data, s);
    } finally {
      engine.exit();
    }
  }

  private List<FloatNdArray> predictEntered(BatchSource data, Fit.Settings s) {
    TrainEngine.PredictFunction pf = null;
    List<List<FloatNdArray>> parts = new ArrayList<>();
    try (EpochFeed feed = new EpochFeed(data, s.steps, false, ctx.random()).onePassPerEpoch()) {
      List<Callback> callbacks = new ArrayList<>(s.callbacks);
      if (s.verbose > 0) {
        callbacks.add(new ProgbarLogger(s.verbose));
      }
      Map<String, Object> params = new LinkedHashMap<>();
      params.put("verbose", s.verbose);
      params.put("steps", feed.numBatches());
      configure(callbacks, model, params);
      callbacks.forEach(c -> c.onPredictBegin(Map.of()));
      TrainEngine.PredictFunction[] fn = {null};
      feed.epoch((st, p) -> {
        check(p, false);
        if (fn[0] == null) {
          fn[0] = model.engine().predictFunction();
        }
        callbacks.forEach(c -> c.onPredictBatchBegin(st, Map.of()));
        TrainEngine.PredictFunction f = fn[0];
        parts.add(ctx.run(r -> {
          for (int i = 0; i < f.inputs.size(); i++) {
            r.feed(f.inputs.get(i), p.x.get(i));
          }
          f.outputs.forEach(r::fetch);
        }, res -> {
          List<FloatNdArray> outs = new ArrayList<>();
          for (int o = 0; o < f.outputs.size(); o++) {
            outs.add(Tensors.toHost((TFloat32) res.get(o)));
          }
          return outs;
        }));
        callbacks.forEach(c -> c.onPredictBatchEnd(st, Map.of()));
        return false;
      });
      callbacks.forEach(c -> c.onPredictEnd(Map.of()));
      pf = fn[0];
    }
    if (pf == null) {
      throw new IllegalArgumentException("The data set yielded no batch to predict on");
    }
    List<FloatNdArray> results = new ArrayList<>();
    for (int o = 0; o < parts.get(0).size(); o++) {
      long n = 0;
      for (List<FloatNdArray> part : parts) {
        n += part.get(o).shape().size(0);
      }
      long[] shape = parts.get(0).get(o).shape().asArray();
      shape[0] = n;
      FloatNdArray out = NdArrays.ofFloats(Shape.of(shape));
      long row = 0;
      for (List<FloatNdArray> part : parts) {
        FloatNdArray a = part.get(o);
        long k = a.shape().size(0);
        a.copyTo(out.slice(Indices.range(row, row + k)));
        row += k;
      }
      results.add(out);
    }
    return results;
  }
}
