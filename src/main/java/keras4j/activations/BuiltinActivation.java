package keras4j.activations;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Keras's built-in activation functions. */
public enum BuiltinActivation implements ActivationFunction {
  /** Keras's {@code keras.activations.linear}. */
  LINEAR("linear") {
    @Override
    public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x) {
      return x;
    }
  },
  /** Keras's {@code keras.activations.relu}. */
  RELU("relu") {
    @Override
    public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x) {
      return tf.nn.relu(x);
    }
  },
  /** Keras's {@code keras.activations.relu6}. */
  RELU6("relu6") {
    @Override
    public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x) {
      return tf.nn.relu6(x);
    }
  },
  /** Keras's {@code keras.activations.sigmoid}. */
  SIGMOID("sigmoid") {
    @Override
    public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x) {
      return tf.math.sigmoid(x);
    }
  },
  /** Keras's {@code keras.activations.tanh}. */
  TANH("tanh") {
    @Override
    public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x) {
      return tf.math.tanh(x);
    }
  },
  /** Keras's {@code keras.activations.softmax}. */
  SOFTMAX("softmax") {
    @Override
    public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x) {
      return tf.nn.softmax(x);
    }
  },
  /** Keras's {@code keras.activations.elu}. */
  ELU("elu") {
    @Override
    public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x) {
      return tf.nn.elu(x);
    }
  },
  /** Keras's {@code keras.activations.selu}. */
  SELU("selu") {
    @Override
    public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x) {
      return tf.nn.selu(x);
    }
  },
  /** Keras's {@code keras.activations.softplus}. */
  SOFTPLUS("softplus") {
    @Override
    public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x) {
      return tf.math.softplus(x);
    }
  },
  /** Keras's {@code keras.activations.softsign}. */
  SOFTSIGN("softsign") {
    @Override
    public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x) {
      return tf.nn.softsign(x);
    }
  },
  /** Keras 3: {@code relu6(x + 3) / 6}. */
  HARD_SIGMOID("hard_sigmoid") {
    @Override
    public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x) {
      return tf.math.div(tf.nn.relu6(tf.math.add(x, tf.constant(3f))), tf.constant(6f));
    }
  },
  /** Keras 2 and tf.keras 2: {@code clip(0.2 x + 0.5, 0, 1)}. */
  HARD_SIGMOID_KERAS2("hard_sigmoid") {
    @Override
    public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x) {
      Operand<TFloat32> y = tf.math.add(tf.math.mul(x, tf.constant(0.2f)), tf.constant(0.5f));
      return tf.clipByValue(y, tf.constant(0f), tf.constant(1f));
    }
  },
  /** Keras's {@code keras.activations.exponential}. */
  EXPONENTIAL("exponential") {
    @Override
    public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x) {
      return tf.math.exp(x);
    }
  },
  /** Keras's {@code keras.activations.swish}. */
  SWISH("swish") {
    @Override
    public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x) {
      return tf.math.mul(x, tf.math.sigmoid(x));
    }
  };

  private final String kerasName;

  BuiltinActivation(String kerasName) {
    this.kerasName = kerasName;
  }

  @Override
  public String kerasName() {
    return kerasName;
  }

  @Override
  public String toString() {
    return kerasName;
  }
}
