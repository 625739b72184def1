/**
 * Keras's {@code keras.activations}: the activation functions by name ({@code "relu"}, {@code "sigmoid"}, ...), as
 * layers' {@code activation} argument takes them, with Keras 3's definitions ({@link keras4j.activations.Activations}).
 */
package keras4j.activations;
