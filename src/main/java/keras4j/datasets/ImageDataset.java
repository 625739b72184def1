package keras4j.datasets;

import java.util.Objects;
import keras4j.backend.Shapes;
import org.tensorflow.ndarray.ByteNdArray;

/**
 * What {@code keras.datasets.mnist.load_data()} returns, {@code (x_train, y_train), (x_test, y_test)}: images of
 * shape {@code (n, 28, 28)} and labels of shape {@code (n,)}, all unsigned bytes (read them with {@code & 0xFF}).
 */
public record ImageDataset(ByteNdArray xTrain, ByteNdArray yTrain, ByteNdArray xTest, ByteNdArray yTest) {
  /** Requires all four arrays. */
  public ImageDataset {
    Objects.requireNonNull(xTrain, "xTrain");
    Objects.requireNonNull(yTrain, "yTrain");
    Objects.requireNonNull(xTest, "xTest");
    Objects.requireNonNull(yTest, "yTest");
  }

  @Override
  public String toString() {
    return "ImageDataset[xTrain=" + Shapes.format(xTrain.shape().asArray())
        + ", yTrain=" + Shapes.format(yTrain.shape().asArray())
        + ", xTest=" + Shapes.format(xTest.shape().asArray())
        + ", yTest=" + Shapes.format(yTest.shape().asArray()) + "]";
  }
}
