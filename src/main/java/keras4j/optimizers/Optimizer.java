package keras4j.optimizers;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import keras4j.backend.Context;
import keras4j.backend.KerasVariable;
import keras4j.initializers.Constant;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code keras.optimizers.Optimizer}. Subclasses express one update of one variable with TensorFlow's
 * training kernels (the ones tensorflow-framework's optimizers call) or, where no kernel matches Keras, with plain
 * ops. The optimizer's state (iterations, learning rate, slots) lives in variables, so it can be saved.
 */
public abstract class Optimizer {
  private final float initialLearningRate;
  private KerasVariable iterations;
  private KerasVariable learningRate;
  private final Map<KerasVariable, List<KerasVariable>> slots = new IdentityHashMap<>();
  private final List<KerasVariable> slotOrder = new ArrayList<>();
  private Context context;

  /** An optimizer with Keras's {@code learning_rate}. */
  protected Optimizer(float learningRate) {
    if (!(learningRate > 0) || Float.isInfinite(learningRate)) {
      throw new IllegalArgumentException("learning_rate must be a positive number, received " + learningRate);
    }
    this.initialLearningRate = learningRate;
  }

  /** The Keras class name written to configs ("Adam"). */
  public String className() {
    return getClass().getSimpleName();
  }

  /** Keras's default optimizer name ("adam"). */
  public String name() {
    return className().toLowerCase();
  }

  /** Slot names per variable, in Keras's order ("momentum", "velocity"). */
  protected abstract List<String> slotNames();

  /** Initial value of a slot (zeros unless overridden). */
  protected float slotInitialValue(String slot) {
    return 0f;
  }

  /** Creates optimizer-wide state before the per-variable updates; called once. */
  protected void buildGlobals(Context ctx) {}

  /**
   * One update of {@code var}. {@code step} is {@code iterations + 1} as float, {@code lr} the learning rate.
   */
  protected abstract Op update(Ops tf, KerasVariable var, Operand<TFloat32> grad, List<KerasVariable> slots,
      Operand<TFloat32> step, Operand<TFloat32> lr);

  /** Ops to run once per step before the per-variable updates (e.g. Nadam's momentum cache). */
  protected List<Op> prepare(Ops tf, Operand<TFloat32> step) {
    return List.of();
  }

  /** Builds the op that applies one step of gradients to these variables (Keras's {@code apply_gradients}). */
  public final Op applyGradients(Ops tf, List<KerasVariable> vars, List<Operand<TFloat32>> grads) {
    if (vars.size() != grads.size()) {
      throw new IllegalArgumentException("Got " + grads.size() + " gradients for " + vars.size() + " variables");
    }
    Context ctx = vars.isEmpty() ? Context.current() : vars.get(0).context();
    ensureGlobals(ctx);
    Operand<TFloat32> step = tf.math.add(iterations.value(), tf.constant(1f));
    List<Op> prep = prepare(tf, step);
    Ops scoped = prep.isEmpty() ? tf : tf.withControlDependencies(prep);
    List<Op> updates = new ArrayList<>(prep);
    for (int i = 0; i < vars.size(); i++) {
      KerasVariable v = vars.get(i);
      updates.add(update(scoped, v, grads.get(i), slotsFor(v), step, learningRate.value()));
    }
    return tf.withControlDependencies(updates).assignAdd(iterations.ref(), tf.constant(1f));
  }

  /** Keras's {@code optimizer.build(var_list)}: creates the state for these variables, in this order. */
  public void build(List<KerasVariable> vars) {
    ensureGlobals(vars.isEmpty() ? Context.current() : vars.get(0).context());
    vars.forEach(this::slotsFor);
  }

  /** True once the optimizer's state exists. */
  public boolean isBuilt() {
    return iterations != null;
  }

  private void ensureGlobals(Context ctx) {
    if (context == ctx && iterations != null) {
      return;
    }
    context = ctx;
    slots.clear();
    slotOrder.clear();
    iterations = ctx.newVariable(name() + "/iterations", new long[0], new float[] {0f}, false);
    learningRate = ctx.newVariable(name() + "/learning_rate", new long[0], new float[] {initialLearningRate}, false);
    buildGlobals(ctx);
  }

  private List<KerasVariable> slotsFor(KerasVariable v) {
    return slots.computeIfAbsent(v, k -> {
      List<KerasVariable> s = new ArrayList<>();
      String base = k.name().replace('/', '_');
      for (String slot : slotNames()) {
        float init = slotInitialValue(slot);
        KerasVariable sv = context.newVariable(name() + "/" + base + "_" + slot, k.shape(),
            new Constant(init).generate(k.shape(), null), false);
        s.add(sv);
        slotOrder.add(sv);
      }
      return s;
    });
  }

  /** A variable of optimizer-wide state, created with the globals. */
  protected KerasVariable globalVariable(String name, float initial) {
    return context.newVariable(name() + "/" + name, new long[0], new float[] {initial}, false);
  }

  /** Keras's {@code optimizer.iterations}, or 0 before the first step is built. */
  public long iterations() {
    return iterations == null ? 0 : (long) iterations.numpy().getFloat();
  }

  /** The current learning rate. */
  public float learningRate() {
    return learningRate == null ? initialLearningRate : learningRate.numpy().getFloat();
  }

  /** Changes the learning rate, as Keras's {@code optimizer.learning_rate = x}. */
  public void learningRate(float lr) {
    if (!(lr > 0)) {
      throw new IllegalArgumentException("learning_rate must be positive, received " + lr);
    }
    if (learningRate == null) {
      throw new IllegalStateException("The optimizer has no state yet; compile and fit first, or pass the rate to its constructor");
    }
    learningRate.assign(org.tensorflow.ndarray.NdArrays.scalarOf(lr));
  }

  /**
   * Keras's {@code optimizer.variables}: iterations, learning rate, the slots in Keras's creation order
   * ({@link #slotGroups()}), then optimizer-wide state Keras creates after them (Nadam's {@code u_product}).
   */
  public List<KerasVariable> variables() {
    List<KerasVariable> all = new ArrayList<>();
    if (iterations != null) {
      all.add(iterations);
      all.add(learningRate);
      List<String> names = slotNames();
      for (List<String> group : slotGroups()) {
        for (int owner = 0; owner < slotOrder.size(); owner += names.size()) {
          for (String slot : group) {
            all.add(slotOrder.get(owner + names.indexOf(slot)));
          }
        }
      }
      all.addAll(extraVariables());
    }
    return all;
  }

  /**
   * The slots Keras creates, as the calls to {@code add_optimizer_variables} in its {@code build}: one call
   * interleaves its names per variable, successive calls follow each other. This is the order of
   * {@code optimizer.variables} in Keras's files. The default: one call with all of {@link #slotNames()}.
   */
  protected List<List<String>> slotGroups() {
    return List.of(slotNames());
  }

  /** Optimizer-wide variables beyond iterations and learning rate (Nadam's momentum cache). */
  protected List<KerasVariable> extraVariables() {
    return List.of();
  }

  /** Keras's {@code get_config()}. */
  public Map<String, Object> getConfig() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", name());
    c.put("learning_rate", (double) initialLearningRate);
    return c;
  }

  /** The learning rate given at construction (Keras's {@code learning_rate} in the config). */
  protected float initialLearningRate() {
    return initialLearningRate;
  }
}
