package keras4j.backend;

import java.util.Arrays;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Assign;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * A float32 TensorFlow variable owned by a {@link Context}: Keras's {@code KerasVariable} / {@code tf.Variable}.
 * Its graph ops belong to one generation of the context's graph: when the context compacts its graph
 * ({@link Context#compact()}) the value is kept on the host ("parked") and the ops are created again in the new
 * graph the next time the variable is computed with, so the same object serves every model that holds it.
 */
public final class KerasVariable {
  private final Context context;
  private final String name;
  private final long[] shape;
  private boolean trainable;
  /** Generation of the context's graph the ops below belong to; -1 when parked (no ops). */
  private int generation = -1;
  private Variable<TFloat32> variable;
  private Operand<TFloat32> value;
  private Placeholder<TFloat32> assignFeed;
  private Assign<TFloat32> assignOp;
  /** Ops the binding created, for the context's accounting. */
  private int ops;
  /** The value while parked (null when unset or when the graph holds it). */
  private Context.Host parked;
  /** Whether the graph's variable holds a value (an assignment ran or is pending). */
  private boolean initialized;

  KerasVariable(Context context, String name, long[] shape, boolean trainable) {
    this.context = context;
    this.name = name;
    this.shape = shape == null ? null : shape.clone();
    this.trainable = trainable;
    bind();
  }

  /** Creates this variable's ops in the context's current graph (the caller holds the context's lock). */
  void bind() {
    long before = context.opCount();
    Ops tf = context.ops();
    this.variable = context.rawVariable(name, shape);
    this.value = context.named(name + "/read").identity(variable);
    this.assignFeed = context.placeholder(shape);
    this.assignOp = shape == null
        ? tf.assign(variable, assignFeed, Assign.validateShape(false))
        : tf.assign(variable, assignFeed);
    this.generation = context.generation();
    this.ops = (int) (context.opCount() - before);
  }

  /** Drops the graph ops, keeping {@code host} (null: no value) until the variable is bound again. */
  void park(Context.Host host) {
    this.parked = host;
    this.initialized = false;
    this.generation = -1;
    this.variable = null;
    this.value = null;
    this.assignFeed = null;
    this.assignOp = null;
  }

  /** Whether the ops of this variable live in the context's current graph. */
  boolean bound() {
    return generation == context.generation() && generation >= 0;
  }

  /** The parked value (null if none). */
  Context.Host parked() {
    return parked;
  }

  void parked(Context.Host host) {
    this.parked = host;
  }

  boolean initialized() {
    return initialized;
  }

  void initialized(boolean b) {
    this.initialized = b;
  }

  int ops() {
    return ops;
  }

  /** The variable's path, e.g. {@code dense/kernel}. */
  public String name() {
    return name;
  }

  /** Keras's {@code variable.shape}. */
  public long[] shape() {
    return shape == null ? null : shape.clone();
  }

  /** Keras's {@code variable.trainable}. */
  public boolean trainable() {
    return trainable;
  }

  /** Sets Keras's {@code variable.trainable}. */
  public void trainable(boolean t) {
    this.trainable = t;
  }

  /** The backend context whose graph holds this variable. */
  public Context context() {
    return context;
  }

  /** The value to compute with (a read of the variable), in the context's current graph. */
  public Operand<TFloat32> value() {
    checkOpen();
    context.ensureBound(this);
    return value;
  }

  private void checkOpen() {
    if (context.isClosed()) {
      throw new IllegalStateException("Variable " + name + " belongs to a cleared backend session "
          + "(Backend.clearSession()); rebuild the layers and models in the new session");
    }
  }

  /** The variable itself, for training kernels that update it in place. */
  public Variable<TFloat32> ref() {
    checkOpen();
    context.ensureBound(this);
    return variable;
  }

  Placeholder<TFloat32> assignFeed() {
    return assignFeed;
  }

  Assign<TFloat32> assignOp() {
    return assignOp;
  }

  /** Number of scalars. */
  public long size() {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    return n;
  }

  /** Current value, copied to the host. */
  public FloatNdArray numpy() {
    return context.read(List.of(this)).get(0);
  }

  /** Sets the value; the shape must match (a data variable takes any shape). */
  public void assign(FloatNdArray v) {
    if (shape != null && !Arrays.equals(shape, v.shape().asArray())) {
      throw new IllegalArgumentException("Variable " + name + " expects shape " + Shapes.format(shape)
          + ", received " + Shapes.format(v.shape().asArray()));
    }
    context.assign(List.of(this), List.of(v));
  }

  @Override
  public String toString() {
    return "<KerasVariable " + name + " shape=" + (shape == null ? "?" : Shapes.format(shape)) + ">";
  }
}
