package keras4j.layers;

/**
 * A layer called as Keras's {@code layer(sequences, initial_state=[...])} ({@code RNN}, {@code LSTM}, {@code GRU},
 * {@code SimpleRNN}, {@code Bidirectional}): in keras4j the initial states are the inputs after the first. Keras 3
 * configs write them as the node's {@code initial_state} keyword and the build config as
 * {@code shapes_dict: {sequences_shape, initial_state_shape}}; tf.keras 2 configs list them as extra inbound tensors.
 */
public interface InitialStateCall {}
