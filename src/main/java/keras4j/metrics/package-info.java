/**
 * Keras's {@code keras.metrics}: the metrics {@code compile(metrics=...)} takes ({@code accuracy} resolved by
 * shape as Keras does, {@code binary_accuracy}, {@code mse}, ...).
 */
package keras4j.metrics;
