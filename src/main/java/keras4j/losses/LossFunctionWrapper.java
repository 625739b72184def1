package keras4j.losses;

import java.util.Map;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code LossFunctionWrapper}: a {@link LossFunction} reduced as Keras reduces a loss function passed to
 * {@code compile} ({@code sum_over_batch_size}: the mean of its values). Saved under its registered name
 * ({@link Losses#register(String, LossFunction)}); an unregistered one is saved without a loss, with a warning.
 */
public class LossFunctionWrapper extends Loss {
  private final LossFunction fn;
  private final String name;

  public LossFunctionWrapper(LossFunction fn, String name) {
    if (fn == null) {
      throw new IllegalArgumentException("A custom loss needs a function, received null");
    }
    this.fn = fn;
    this.name = name;
  }

  /** The registered name, or null. */
  @Override
  public String kerasName() {
    return name;
  }

  @Override
  public Operand<TFloat32> call(Ops tf, Operand<TFloat32> yTrue, Operand<TFloat32> yPred) {
    return fn.call(tf, yTrue, yPred);
  }

  @Override
  public String className() {
    return name != null ? name : "LossFunctionWrapper";
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("name", name);
    return c;
  }
}
