/**
 * Keras's {@code keras.callbacks}: {@link keras4j.callbacks.Callback} and the built-in callbacks ({@code
 * EarlyStopping}, {@code ModelCheckpoint}, {@code TerminateOnNaN}, the progress bar logger) that {@code fit}
 * calls.
 */
package keras4j.callbacks;
