package keras4j.utils;

import java.util.List;
import keras4j.backend.KerasVariable;
import keras4j.layers.Layer;
import keras4j.layers.Node;

/**
 * What {@code summary} ({@link LayerUtils#printSummary}) and {@code plot_model} ({@link PlotModel}) read from a
 * model: the attributes Keras's {@code print_summary(model)} and {@code model_to_dot(model)} read. {@code
 * keras4j.models.Model} implements it; {@code utils} stays below {@code models} in the import graph.
 */
public interface LayerGraph {
  /** Keras's {@code model.name}. */
  String name();

  /** The Keras class name ({@code "Functional"}, {@code "Sequential"}, ...), as in the model's config. */
  String className();

  /** Keras's {@code model.layers}. */
  List<Layer> layers();

  /** The layer calls of the model's graph, inputs first (Keras's {@code model._nodes_by_depth}, flattened). */
  List<Node> nodes();

  /** Keras's {@code model.trainable_weights}. */
  List<KerasVariable> trainableWeights();

  /** Keras's {@code model.non_trainable_weights}. */
  List<KerasVariable> nonTrainableWeights();

  /** Keras's sequential-like test of {@code print_summary}: one call per depth, one input each, no shared layer. */
  boolean isSequentialLike();
}
