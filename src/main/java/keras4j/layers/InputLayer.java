package keras4j.layers;

import java.util.List;
import java.util.Map;
import keras4j.backend.Backend;
import keras4j.backend.Context;
import keras4j.backend.Shapes;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Keras's {@code InputLayer}: the entry point of a functional model; {@link Input#shape} creates one. */
public class InputLayer extends BaseLayer<InputLayer> {
  private final KerasTensor output;

  /** An input of the given batch shape (batch first, -1 for None). */
  public InputLayer(long[] batchShape, String name) {
    if (batchShape == null || batchShape.length == 0) {
      throw new IllegalArgumentException("InputLayer needs a shape, received none");
    }
    for (int i = 1; i < batchShape.length; i++) {
      if (batchShape[i] == 0 || batchShape[i] < -1) {
        throw new IllegalArgumentException("Input shape dimensions must be positive or None, received "
            + Shapes.format(batchShape));
      }
    }
    keras4j.backend.Limits.elements("Input shape", batchShape);
    if (name != null) {
      name(name);
    } else {
      Context ctx = Context.current();
      name(Backend.compatibility().numberedInputNames() ? ctx.numberedName("input") : ctx.uniqueName("input_layer"));
    }
    setBatchInputShape(batchShape);
    buildOnce(List.of(batchShape));
    this.output = inputNode(batchShape);
  }

  /** The symbolic tensor this input layer provides. */
  public KerasTensor output() {
    return output;
  }

  @Override
  protected Operand<TFloat32> call(Ops tf, Operand<TFloat32> input, boolean training) {
    return input;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("sparse", false);
    c.put("ragged", false);
    return c;
  }
}
