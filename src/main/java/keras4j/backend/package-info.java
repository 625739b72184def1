/**
 * The one package that owns TensorFlow: Keras's {@code keras.backend} ({@code clear_session}, the Keras-version
 * compatibility switch) and the graph, session and variables every model computes with (TensorFlow Java 1.0,
 * graph mode). Other packages reach TensorFlow only through the {@code Ops} and contexts handed out here.
 */
package keras4j.backend;
