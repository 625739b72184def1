package keras4j.layers;

import java.util.Map;
import keras4j.activations.ActivationFunction;
import keras4j.activations.Activations;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Keras's {@code Activation('relu')}: applies an activation function by name. */
public class Activation extends BaseLayer<Activation> {
  private final ActivationFunction activation;

  /** Keras's {@code Activation('name')}. */
  public Activation(String name) {
    this(Activations.get(name));
  }

  /** Keras's {@code Activation(fn)} with a function object. */
  public Activation(ActivationFunction fn) {
    if (fn == null) {
      throw new IllegalArgumentException("Activation needs a function, received null");
    }
    this.activation = fn;
  }

  /** Keras's {@code layer.activation}. */
  public ActivationFunction activation() {
    return activation;
  }

  @Override
  protected Operand<TFloat32> call(Ops tf, Operand<TFloat32> input, boolean training) {
    return activation.apply(tf, input);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("activation", activation.kerasName());
    return c;
  }

  /** Keras's {@code Activation.from_config}. */
  public static Activation fromConfig(LayerConfig c) {
    return new Activation(c.getActivation("activation"));
  }

  @Override
  public ActivationFunction activationFunction() {
    return activation;
  }
}
