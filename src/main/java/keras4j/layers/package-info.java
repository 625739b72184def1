/**
 * Keras's {@code keras.layers}: {@link keras4j.layers.Input}, the layers ({@code Dense}, {@code Conv2D},
 * pooling, reshaping, activations, merges, ...), the symbolic {@link keras4j.layers.KerasTensor} that
 * {@code layer.apply(x)} returns, and the base classes for your own layers ({@link keras4j.layers.BaseLayer}).
 */
package keras4j.layers;
