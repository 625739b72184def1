package keras4j.layers;

import java.util.Map;
import keras4j.activations.ActivationFunction;
import keras4j.activations.Activations;
import keras4j.backend.KerasVariable;
import keras4j.initializers.Initializer;
import keras4j.initializers.Initializers;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Keras's {@code Dense(units, activation=None, use_bias=True, ...)}: {@code activation(x . kernel + bias)}. */
public class Dense extends BaseLayer<Dense> {
  private final int units;
  private ActivationFunction activation = Activations.get("linear");
  private boolean useBias = true;
  private Initializer kernelInitializer = Initializers.get("glorot_uniform");
  private Initializer biasInitializer = Initializers.get("zeros");
  private KerasVariable kernel;
  private KerasVariable bias;

  /** Keras's {@code Dense(units)}: no activation. */
  public Dense(int units) {
    if (units <= 0) {
      throw new IllegalArgumentException("Received an invalid value for `units`, expected a positive integer. Received: units="
          + units);
    }
    this.units = units;
    inputSpec(InputSpec.minNdim(2));
  }

  /** Keras's {@code Dense(units, activation='name')}. */
  public Dense(int units, String activation) {
    this(units);
    activation(activation);
  }

  /** Keras's {@code activation='name'}. */
  public Dense activation(String name) {
    return activation(Activations.get(name));
  }

  /** Keras's {@code activation=fn}. */
  public Dense activation(ActivationFunction fn) {
    checkNotBuilt();
    this.activation = fn;
    return this;
  }

  /** Keras's {@code use_bias}. */
  public Dense useBias(boolean b) {
    checkNotBuilt();
    this.useBias = b;
    return this;
  }

  /** Keras's {@code kernel_initializer='name'}. */
  public Dense kernelInitializer(String name) {
    return kernelInitializer(Initializers.get(name));
  }

  /** Keras's {@code kernel_initializer=initializer}. */
  public Dense kernelInitializer(Initializer init) {
    checkNotBuilt();
    this.kernelInitializer = init;
    return this;
  }

  /** Keras's {@code bias_initializer='name'}. */
  public Dense biasInitializer(String name) {
    return biasInitializer(Initializers.get(name));
  }

  /** Keras's {@code bias_initializer=initializer}. */
  public Dense biasInitializer(Initializer init) {
    checkNotBuilt();
    this.biasInitializer = init;
    return this;
  }

  /** Keras's {@code kernel_regularizer=}. */
  public Dense kernelRegularizer(keras4j.regularizers.Regularizer r) {
    setWeightRegularizer("kernel", r);
    return this;
  }

  /** Keras's {@code bias_regularizer=}. */
  public Dense biasRegularizer(keras4j.regularizers.Regularizer r) {
    setWeightRegularizer("bias", r);
    return this;
  }

  /** Keras's {@code kernel_constraint=}. */
  public Dense kernelConstraint(keras4j.constraints.Constraint c) {
    setWeightConstraint("kernel", c);
    return this;
  }

  /** Keras's {@code bias_constraint=}. */
  public Dense biasConstraint(keras4j.constraints.Constraint c) {
    setWeightConstraint("bias", c);
    return this;
  }

  /** Keras's {@code layer.units}. */
  public int units() {
    return units;
  }

  /** Keras's {@code layer.activation}. */
  public ActivationFunction activation() {
    return activation;
  }

  @Override
  protected void build(long[] inputShape) {
    long in = inputShape[inputShape.length - 1];
    if (in < 0) {
      throw new IllegalArgumentException("The last dimension of the inputs to Dense layer " + name()
          + " should be defined. Found None. Full input shape received: " + keras4j.backend.Shapes.format(inputShape));
    }
    kernel = addWeight("kernel", new long[] {in, units}, kernelInitializer, true);
    if (useBias) {
      bias = addWeight("bias", new long[] {units}, biasInitializer, true);
    }
    inputSpec(InputSpec.minNdim(2).axis(-1, in));
  }

  @Override
  public long[] computeOutputShape(long[] inputShape) {
    long[] out = inputShape.clone();
    out[out.length - 1] = units;
    return out;
  }

  @Override
  protected Operand<TFloat32> call(Ops tf, Operand<TFloat32> x, boolean training) {
    Operand<TFloat32> y;
    int rank = x.shape().numDimensions();
    if (rank == 2 || rank < 0) {
      y = tf.linalg.matMul(x, kernel.value());
    } else {
      long in = kernel.shape()[0];
      Operand<TFloat32> flat = tf.reshape(x, tf.constant(new long[] {-1, in}));
      Operand<TFloat32> prod = tf.linalg.matMul(flat, kernel.value());
      long[] target = x.shape().asArray();
      target[0] = -1;
      target[target.length - 1] = units;
      for (int i = 1; i < target.length - 1; i++) {
        if (target[i] < 0) {
          throw new IllegalArgumentException("Dense layer " + name() + " needs known inner dimensions, received "
              + x.shape());
        }
      }
      y = tf.reshape(prod, tf.constant(target));
    }
    if (useBias) {
      y = tf.nn.biasAdd(y, bias.value());
    }
    return activation.apply(tf, y);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("units", units);
    c.put("activation", activation.kerasName());
    c.put("use_bias", useBias);
    c.put("kernel_initializer", Initializers.serialize(kernelInitializer));
    c.put("bias_initializer", Initializers.serialize(biasInitializer));
    putRegularizerConfig(c, "kernel", "bias");
    return c;
  }

  /** Keras's {@code Dense.from_config}. */
  public static Dense fromConfig(LayerConfig c) {
    Dense d = new Dense(c.getInt("units"));
    d.readRegularizerConfig(c, "kernel", "bias");
    return d
        .activation(c.getActivation("activation"))
        .useBias(c.getBool("use_bias", true))
        .kernelInitializer(c.getInitializer("kernel_initializer", "glorot_uniform"))
        .biasInitializer(c.getInitializer("bias_initializer", "zeros"));
  }

  @Override
  public ActivationFunction activationFunction() {
    return activation;
  }
}
