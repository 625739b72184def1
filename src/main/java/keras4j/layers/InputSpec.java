package keras4j.layers;

import java.util.LinkedHashMap;
import java.util.Map;
import keras4j.backend.Shapes;

/** What a layer accepts (Keras's {@code InputSpec}): a rank, a minimum rank, and fixed axis sizes. */
public final class InputSpec {
  private Integer ndim;
  private Integer minNdim;
  private final Map<Integer, Long> axes = new LinkedHashMap<>();

  /** Keras's {@code InputSpec(ndim=n)}. */
  public static InputSpec ndim(int n) {
    InputSpec s = new InputSpec();
    s.ndim = n;
    return s;
  }

  /** Keras's {@code InputSpec(min_ndim=n)}. */
  public static InputSpec minNdim(int n) {
    InputSpec s = new InputSpec();
    s.minNdim = n;
    return s;
  }

  /** Requires {@code axis} (negative counts from the end) to have {@code size}. */
  public InputSpec axis(int axis, long size) {
    axes.put(axis, size);
    return this;
  }

  /** Throws Keras's message when {@code shape} does not fit. */
  void check(long[] shape, int inputIndex, String layerName) {
    String head = "Input " + inputIndex + " of layer " + layerName + " is incompatible with the layer: ";
    if (ndim != null && shape.length != ndim) {
      throw new IllegalArgumentException(head + "expected ndim=" + ndim + ", found ndim=" + shape.length
          + ". Full shape received: " + Shapes.format(shape));
    }
    if (minNdim != null && shape.length < minNdim) {
      throw new IllegalArgumentException(head + "expected min_ndim=" + minNdim + ", found ndim=" + shape.length
          + ". Full shape received: " + Shapes.format(shape));
    }
    for (Map.Entry<Integer, Long> e : axes.entrySet()) {
      int axis = e.getKey() < 0 ? shape.length + e.getKey() : e.getKey();
      if (axis < 0 || axis >= shape.length) {
        continue;
      }
      long got = shape[axis];
      if (got >= 0 && got != e.getValue()) {
        throw new IllegalArgumentException(head + "expected axis " + e.getKey() + " of input shape to have value "
            + e.getValue() + ", but received input with shape " + Shapes.format(shape));
      }
    }
  }
}
