/**
 * Keras's {@code keras.optimizers}: {@code adam}, {@code sgd}, {@code rmsprop}, {@code adadelta}, {@code
 * adagrad}, {@code adamax}, {@code nadam} with Keras 3's defaults, on TensorFlow's training kernels.
 */
package keras4j.optimizers;
