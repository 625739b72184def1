package keras4j.layers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One call of a layer on symbolic inputs (Keras's {@code Node}). */
public final class Node {
  private final Layer layer;
  private final List<KerasTensor> inputs;
  private final List<KerasTensor> outputs = new ArrayList<>();
  private final int indexInLayer;

  Node(Layer layer, List<KerasTensor> inputs, List<long[]> outputShapes, int indexInLayer) {
    this.layer = layer;
    this.inputs = List.copyOf(inputs);
    this.indexInLayer = indexInLayer;
    for (int i = 0; i < outputShapes.size(); i++) {
      outputs.add(new KerasTensor(outputShapes.get(i), this, i));
    }
  }

  /** The layer this call is of. */
  public Layer layer() {
    return layer;
  }

  /** The call's input tensors. */
  public List<KerasTensor> inputs() {
    return inputs;
  }

  /** The call's output tensors. */
  public List<KerasTensor> outputs() {
    return Collections.unmodifiableList(outputs);
  }

  /** The position of this call among the layer's calls (Keras's node index). */
  public int indexInLayer() {
    return indexInLayer;
  }

  /** A call with no inputs: the node of an {@link InputLayer}. */
  public boolean isInput() {
    return inputs.isEmpty();
  }
}
