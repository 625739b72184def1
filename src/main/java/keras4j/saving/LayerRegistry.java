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
