package keras4j.saving;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import keras4j.layers.Activation;
import keras4j.layers.Add;
import keras4j.layers.AveragePooling2D;
import keras4j.layers.BatchNormalization;
import keras4j.layers.Concatenate;
import keras4j.layers.Conv2D;
import keras4j.layers.Conv2DTranspose;
import keras4j.layers.Dense;
import keras4j.layers.Dropout;
import keras4j.layers.ELU;
import keras4j.layers.Flatten;
import keras4j.layers.Layer;
import keras4j.layers.LayerConfig;
import keras4j.layers.LeakyReLU;
import keras4j.layers.MaxPooling2D;
import keras4j.layers.ReLU;
import keras4j.layers.Reshape;
import keras4j.layers.Softmax;
import keras4j.layers.ThresholdedReLU;
import keras4j.layers.UpSampling2D;

/**
 * Keras class names to layer factories (Keras's {@code custom_objects} / {@code register_keras_serializable}):
 * loading looks layers up here, and you can register your own.
 */
public final class LayerRegistry {
  private static final Map<String, Function<LayerConfig, ? extends Layer>> FACTORIES = new ConcurrentHashMap<>();

  static {
    FACTORIES.put("Dense", Dense::fromConfig);
    FACTORIES.put("Conv2D", Conv2D::fromConfig);
    FACTORIES.put("Convolution2D", Conv2D::fromConfig);
    FACTORIES.put("Conv2DTranspose", Conv2DTranspose::fromConfig);
    FACTORIES.put("MaxPooling2D", MaxPooling2D::fromConfig);
    FACTORIES.put("MaxPool2D", MaxPooling2D::fromConfig);
    FACTORIES.put("AveragePooling2D", AveragePooling2D::fromConfig);
    FACTORIES.put("AvgPool2D", AveragePooling2D::fromConfig);
    FACTORIES.put("UpSampling2D", UpSampling2D::fromConfig);
    FACTORIES.put("Flatten", Flatten::fromConfig);
    FACTORIES.put("Reshape", Reshape::fromConfig);
    FACTORIES.put("Activation", Activation::fromConfig);
    FACTORIES.put("Dropout", Dropout::fromConfig);
    FACTORIES.put("BatchNormalization", BatchNormalization::fromConfig);
    FACTORIES.put("ReLU", ReLU::fromConfig);
    FACTORIES.put("LeakyReLU", LeakyReLU::fromConfig);
    FACTORIES.put("ELU", ELU::fromConfig);
    FACTORIES.put("ThresholdedReLU", ThresholdedReLU::fromConfig);
    FACTORIES.put("Softmax", Softmax::fromConfig);
    FACTORIES.put("Add", Add::fromConfig);
    FACTORIES.put("Concatenate", Concatenate::fromConfig);
    // custom models: Java Lambda (function supplied by layer name)
    FACTORIES.put("Lambda", keras4j.layers.Lambda::fromConfig);
    FACTORIES.put("ActivityRegularization", keras4j.layers.ActivityRegularization::fromConfig);
    // layers branch: issue 10's layers and issue 9's 1-D family (with tf.keras 2.x aliases)
    FACTORIES.put("GaussianNoise", keras4j.layers.GaussianNoise::fromConfig);
    FACTORIES.put("GaussianDropout", keras4j.layers.GaussianDropout::fromConfig);
    FACTORIES.put("AlphaDropout", keras4j.layers.AlphaDropout::fromConfig);
    FACTORIES.put("SpatialDropout1D", keras4j.layers.SpatialDropout1D::fromConfig);
    FACTORIES.put("SpatialDropout2D", keras4j.layers.SpatialDropout2D::fromConfig);
    FACTORIES.put("LayerNormalization", keras4j.layers.LayerNormalization::fromConfig);
    FACTORIES.put("UnitNormalization", keras4j.layers.UnitNormalization::fromConfig);
    FACTORIES.put("GroupNormalization", keras4j.layers.GroupNormalization::fromConfig);
    FACTORIES.put("PReLU", keras4j.layers.PReLU::fromConfig);
    FACTORIES.put("SeparableConv2D", keras4j.layers.SeparableConv2D::fromConfig);
    FACTORIES.put("SeparableConvolution2D", keras4j.layers.SeparableConv2D::fromConfig);
    FACTORIES.put("DepthwiseConv2D", keras4j.layers.DepthwiseConv2D::fromConfig);
    FACTORIES.put("Cropping2D", keras4j.layers.Cropping2D::fromConfig);
    FACTORIES.put("ZeroPadding2D", keras4j.layers.ZeroPadding2D::fromConfig);
    FACTORIES.put("GlobalAveragePooling2D", keras4j.layers.GlobalAveragePooling2D::fromConfig);
    FACTORIES.put("GlobalAvgPool2D", keras4j.layers.GlobalAveragePooling2D::fromConfig);
    FACTORIES.put("GlobalMaxPooling2D", keras4j.layers.GlobalMaxPooling2D::fromConfig);
    FACTORIES.put("GlobalMaxPool2D", keras4j.layers.GlobalMaxPooling2D::fromConfig);
    FACTORIES.put("Permute", keras4j.layers.Permute::fromConfig);
    FACTORIES.put("Multiply", keras4j.layers.Multiply::fromConfig);
    FACTORIES.put("Subtract", keras4j.layers.Subtract::fromConfig);
    FACTORIES.put("Average", keras4j.layers.Average::fromConfig);
    FACTORIES.put("Maximum", keras4j.layers.Maximum::fromConfig);
    FACTORIES.put("Minimum", keras4j.layers.Minimum::fromConfig);
    FACTORIES.put("Dot", keras4j.layers.Dot::fromConfig);
    FACTORIES.put("Rescaling", keras4j.layers.Rescaling::fromConfig);
    FACTORIES.put("Identity", keras4j.layers.Identity::fromConfig);
    FACTORIES.put("Conv1D", keras4j.layers.Conv1D::fromConfig);
    FACTORIES.put("Convolution1D", keras4j.layers.Conv1D::fromConfig);
    FACTORIES.put("Conv1DTranspose", keras4j.layers.Conv1DTranspose::fromConfig);
    FACTORIES.put("Convolution1DTranspose", keras4j.layers.Conv1DTranspose::fromConfig);
    FACTORIES.put("MaxPooling1D", keras4j.layers.MaxPooling1D::fromConfig);
    FACTORIES.put("MaxPool1D", keras4j.layers.MaxPooling1D::fromConfig);
    FACTORIES.put("AveragePooling1D", keras4j.layers.AveragePooling1D::fromConfig);
    FACTORIES.put("AvgPool1D", keras4j.layers.AveragePooling1D::fromConfig);
    FACTORIES.put("GlobalAveragePooling1D", keras4j.layers.GlobalAveragePooling1D::fromConfig);
    FACTORIES.put("GlobalAvgPool1D", keras4j.layers.GlobalAveragePooling1D::fromConfig);
    FACTORIES.put("GlobalMaxPooling1D", keras4j.layers.GlobalMaxPooling1D::fromConfig);
    FACTORIES.put("GlobalMaxPool1D", keras4j.layers.GlobalMaxPooling1D::fromConfig);
    FACTORIES.put("UpSampling1D", keras4j.layers.UpSampling1D::fromConfig);
    FACTORIES.put("Cropping1D", keras4j.layers.Cropping1D::fromConfig);
    FACTORIES.put("ZeroPadding1D", keras4j.layers.ZeroPadding1D::fromConfig);
    // sequence models: recurrent layers and cells, wrappers, RepeatVector, Embedding, Masking
    FACTORIES.put("LSTM", keras4j.layers.LSTM::fromConfig);
    FACTORIES.put("GRU", keras4j.layers.GRU::fromConfig);
    FACTORIES.put("SimpleRNN", keras4j.layers.SimpleRNN::fromConfig);
    FACTORIES.put("LSTMCell", keras4j.layers.LSTMCell::fromConfig);
    FACTORIES.put("GRUCell", keras4j.layers.GRUCell::fromConfig);
    FACTORIES.put("SimpleRNNCell", keras4j.layers.SimpleRNNCell::fromConfig);
    FACTORIES.put("RNN", c -> keras4j.layers.RNN.fromConfig(c, e -> nested(e, c)));
    FACTORIES.put("RepeatVector", keras4j.layers.RepeatVector::fromConfig);
    FACTORIES.put("Embedding", keras4j.layers.Embedding::fromConfig);
    FACTORIES.put("Masking", keras4j.layers.Masking::fromConfig);
    FACTORIES.put("TimeDistributed", c -> keras4j.layers.TimeDistributed.fromConfig(c, e -> nested(e, c)));
    FACTORIES.put("Bidirectional", c -> keras4j.layers.Bidirectional.fromConfig(c, e -> nested(e, c)));
  }

  /** A layer nested in another's config ({@code {"class_name", "config"}}: an RNN's cell, a wrapper's layer). */
  static Layer nested(Object entry, LayerConfig parent) {
    if (!(entry instanceof Map<?, ?> m) || !(m.get("class_name") instanceof String cls)
        || !(m.get("config") instanceof Map<?, ?> cfgMap)) {
      throw new IllegalArgumentException("Layer '" + parent.layerName() + "' (" + parent.className()
          + "): expected a nested layer {class_name, config}, received " + entry);
    }
    Function<LayerConfig, ? extends Layer> f = FACTORIES.get(cls);
    if (f == null) {
      throw new IllegalArgumentException("Layer '" + parent.layerName() + "' (" + parent.className()
          + ") wraps an unknown layer class '" + cls + "'. Supported layers: " + String.join(", ", supported()));
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> cfg = (Map<String, Object>) cfgMap;
    LayerConfig lc = new LayerConfig(cls, cfg, parent.compatibility());
    Layer layer = f.apply(lc);
    if (cfg.get("name") instanceof String n && !n.isBlank()) {
      layer.name(n);
    }
    layer.trainable(lc.getBool("trainable", true));
    return layer;
  }

  private LayerRegistry() {}

  /** Registers a layer class for loading: {@code LayerRegistry.register("MyLayer", MyLayer::fromConfig)}. */
  public static void register(String className, Function<LayerConfig, ? extends Layer> factory) {
    if (className == null || className.isBlank() || factory == null) {
      throw new IllegalArgumentException("register needs a class name and a factory");
    }
    FACTORIES.put(className, factory);
  }

  /** Whether a layer class name (as in model configs) is registered. */
  public static boolean contains(String className) {
    return FACTORIES.containsKey(className);
  }

  /** The layer classes that can be loaded, plus InputLayer and the model classes. */
  public static Set<String> supported() {
    Set<String> s = new TreeSet<>(FACTORIES.keySet());
    s.add("InputLayer");
    s.add("Functional");
    s.add("Model");
    s.add("Sequential");
    return s;
  }

  static Function<LayerConfig, ? extends Layer> factory(String className) {
    return FACTORIES.get(className);
  }
}
