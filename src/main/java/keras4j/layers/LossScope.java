package keras4j.layers;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Collects the losses layers add while a training or test step is being built (Keras's loss tracking during the
 * forward pass): {@code add_loss}, activity regularizers and model-level losses. Outside a scope (predict) added
 * losses are dropped, as Keras drops them from inference.
 */
public final class LossScope implements AutoCloseable {
  private static final ThreadLocal<LossScope> CURRENT = new ThreadLocal<>();
  private final LossScope previous;
  private final List<Operand<TFloat32>> losses = new ArrayList<>();

  private LossScope() {
    previous = CURRENT.get();
  }

  /** Opens a scope on this thread; close it when the forward pass is built. */
  public static LossScope open() {
    LossScope s = new LossScope();
    CURRENT.set(s);
    return s;
  }

  /** True while a scope is open on this thread. */
  public static boolean active() {
    return CURRENT.get() != null;
  }

  static void add(Operand<TFloat32> loss) {
    LossScope s = CURRENT.get();
    if (s != null) {
      s.losses.add(loss);
    }
  }

  /** The scalar losses added so far, in the order they were added. */
  public List<Operand<TFloat32>> losses() {
    return List.copyOf(losses);
  }

  @Override
  public void close() {
    if (previous == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(previous);
    }
  }
}
