/**
 * Keras's {@code keras.saving}: model and weight files both ways - Keras 3 {@code .keras} and {@code .weights.h5},
 * legacy {@code .h5} (Keras 2 and tf.keras) and JSON configs in both dialects ({@link keras4j.saving.SavingApi}),
 * the layer registry custom layers join ({@link keras4j.saving.LayerRegistry}), and self-check files.
 */
package keras4j.saving;
