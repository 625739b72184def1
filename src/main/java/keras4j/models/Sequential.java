package keras4j.models;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import keras4j.backend.Backend;
import keras4j.backend.Compatibility;
import keras4j.backend.Context;
import keras4j.backend.Shapes;
import keras4j.layers.InputLayer;
import keras4j.layers.KerasTensor;
import keras4j.layers.Layer;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * Keras's {@code Sequential}: a plain stack of layers. The first layer's {@code inputShape(...)} (or an added
 * {@link InputLayer}) builds the model at once; otherwise it is built from the first data it sees.
 * {@link #layers()} leaves the input layer out, as Keras does.
 */
public class Sequential extends Model {
  private final List<Layer> stack = new ArrayList<>();
  private InputLayer inputLayer;
  private KerasTensor output;

  /** Keras's {@code Sequential()}. */
  public Sequential() {}

  /** Keras's {@code Sequential(name=...)}. */
  @Override
  public Sequential name(String newName) {
    super.name(newName);
    return this;
  }

  /** Keras's {@code model.trainable = ...}. */
  @Override
  public Sequential trainable(boolean t) {
    super.trainable(t);
    return this;
  }

  /** Keras's {@code Sequential(layers=[...])}: the graph is mapped once, after the last layer (Keras's rebuild=False). */
  public Sequential(List<Layer> layers) {
    layers.forEach(l -> add(l, false));
    rebuild();
  }

  @Override
  protected String namePrefix() {
    return "sequential";
  }

  @Override
  public String className() {
    return "Sequential";
  }

  /** Keras's {@code model.add(layer)}. */
  public Sequential add(Layer layer) {
    return add(layer, true);
  }

  /** Keras's {@code model.add(layer, rebuild=...)}: without rebuild the graph is mapped by a later add or build. */
  private Sequential add(Layer layer, boolean rebuild) {
    if (layer == null) {
      throw new IllegalArgumentException("Sequential.add received null instead of a layer");
    }
    if (layer instanceof InputLayer in) {
      if (inputLayer != null || !stack.isEmpty()) {
        throw new IllegalArgumentException("An InputLayer can only be the first layer of a Sequential model");
      }
      inputLayer = in;
      output = in.output();
      return this;
    }
    for (Layer l : stack) {
      if (l == layer) {
        throw new IllegalArgumentException("Layer " + layer.name() + " was already added to this Sequential model");
      }
    }
    if (inputLayer == null && stack.isEmpty() && layer.batchInputShape() != null) {
      inputLayer = newInputLayer(layer.batchInputShape(), layer.name());
      output = inputLayer.output();
    }
    if (output != null) {
      KerasTensor next = layer.apply(output);
      stack.add(layer);
      output = next;
      if (rebuild) {
        rebuild();
      }
    } else {
      stack.add(layer);
    }
    return this;
  }

  private void rebuild() {
    if (output != null && inputLayer != null && !stack.isEmpty()) {
      initNetwork(List.of(inputLayer.output()), List.of(output));
    }
  }

  private static InputLayer newInputLayer(long[] batchShape, String firstLayerName) {
    String n = Backend.compatibility() == Compatibility.KERAS_3
        ? Context.current().uniqueName("input_layer") : firstLayerName + "_input";
    return new InputLayer(batchShape, n);
  }

  /** Keras's {@code model.pop()}: removes the last layer. */
  public Sequential pop() {
    if (stack.isEmpty()) {
      throw new IllegalStateException("There are no layers in the model.");
    }
    stack.remove(stack.size() - 1);
    List<Layer> rest = new ArrayList<>(stack);
    stack.clear();
    output = inputLayer == null ? null : inputLayer.output();
    for (Layer l : rest) {
      if (output != null) {
        output = l.apply(output);
      }
      stack.add(l);
    }
    if (output != null && !stack.isEmpty()) {
      initNetwork(List.of(inputLayer.output()), List.of(output));
    }
    return this;
  }

  @Override
  public List<Layer> layers() {
    return Collections.unmodifiableList(stack);
  }

  /** The input layer Keras keeps hidden, or null before the model is built. */
  public InputLayer hiddenInputLayer() {
    return inputLayer;
  }

  @Override
  protected void ensureBuiltFor(List<FloatNdArray> x) {
    if (output != null && inputLayer != null && !stack.isEmpty()) {
      return;
    }
    if (stack.isEmpty()) {
      throw new IllegalStateException("Sequential model " + name() + " has no layers");
    }
    long[] shape = x.get(0).shape().asArray();
    shape[0] = -1;
    build(shape);
  }

  /** Keras's {@code model.build(input_shape)}, batch first. */
  public void build(long[] batchInputShape) {
    if (inputLayer != null && output != null && !stack.isEmpty()) {
      return;
    }
    inputLayer = newInputLayer(batchInputShape, stack.get(0).name());
    List<Layer> rest = new ArrayList<>(stack);
    stack.clear();
    output = inputLayer.output();
    for (Layer l : rest) {
      add(l, false);
    }
    rebuild();
  }

  void requireBuilt() {
    if (output == null || stack.isEmpty()) {
      throw new IllegalStateException("This model has not yet been built. Build the model first by calling `build()` or by calling the model on a batch of data.");
    }
  }

  @Override
  public void summary(java.util.function.Consumer<String> printFn) {
    requireBuilt();
    super.summary(printFn);
  }

  @Override
  public String toString() {
    return "<Sequential name=" + name() + ", layers=" + stack.size()
        + (inputLayer == null ? "" : ", input=" + Shapes.format(inputLayer.output().shape())) + ">";
  }
}
