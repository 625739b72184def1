/**
 * Keras's {@code keras.losses}: loss functions by name or object ({@code binary_crossentropy}, {@code mse},
 * {@code categorical_crossentropy}, ...), computed as Keras computes them (clipping, from-logits paths).
 */
package keras4j.losses;
