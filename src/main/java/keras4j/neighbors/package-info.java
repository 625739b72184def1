/**
 * Not a Keras module: scikit-learn's {@code sklearn.neighbors.KNeighborsClassifier}, which the notebooks use to
 * score autoencoder codes, computed on TensorFlow ({@link keras4j.neighbors.KNeighborsClassifier}).
 */
package keras4j.neighbors;
