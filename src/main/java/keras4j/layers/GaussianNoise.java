package keras4j.layers;

import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Keras's {@code GaussianNoise(stddev, seed=None)}: adds zero-centred normal noise while training. */
public class GaussianNoise extends BaseNoise<GaussianNoise> {
  public GaussianNoise(double stddev) {
    super("stddev", stddev);
  }

  public double stddev() {
    return amount;
  }

  @Override
  protected Operand<TFloat32> noisy(Ops tf, Operand<TFloat32> x) {
    return tf.math.add(x, tf.math.mul(normal(tf, tf.shape(x)), tf.constant((float) amount)));
  }

  @Override
  public Map<String, Object> getConfig() {
    return config("stddev");
  }

  /** Keras's {@code GaussianNoise.from_config}. */
  public static GaussianNoise fromConfig(LayerConfig c) {
    return new GaussianNoise(c.getDouble("stddev", Double.NaN)).configure(c);
  }
}
