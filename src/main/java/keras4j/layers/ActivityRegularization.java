package keras4j.layers;

import java.util.Map;
import keras4j.regularizers.L1L2;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code ActivityRegularization(l1=0.0, l2=0.0)}: passes its input through and adds {@code L1L2(l1, l2)} of
 * it, divided by the batch size, to the training loss.
 */
public class ActivityRegularization extends BaseLayer<ActivityRegularization> {
  private final double l1;
  private final double l2;

  public ActivityRegularization(double l1, double l2) {
    this.l1 = l1;
    this.l2 = l2;
    setActivityRegularizer(new L1L2(l1, l2));
  }

  public ActivityRegularization() {
    this(0.0, 0.0);
  }

  @Override
  protected Operand<TFloat32> call(Ops tf, Operand<TFloat32> x, boolean training) {
    return x;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("l1", l1);
    c.put("l2", l2);
    return c;
  }

  /** Keras's {@code ActivityRegularization.from_config}. */
  public static ActivityRegularization fromConfig(LayerConfig c) {
    return new ActivityRegularization(c.getDouble("l1", 0.0), c.getDouble("l2", 0.0));
  }
}
