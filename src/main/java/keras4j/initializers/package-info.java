/**
 * Keras's {@code keras.initializers}: weight initializers by name or object ({@code glorot_uniform}, {@code
 * he_normal}, {@code zeros}, ...), with Keras's defaults.
 */
package keras4j.initializers;
