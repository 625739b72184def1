package keras4j.examples;

import static keras4j.models.Fit.batchSize;
import static keras4j.models.Fit.shuffle;
import static keras4j.models.Fit.validationData;

import keras4j.layers.Conv2D;
import keras4j.layers.Input;
import keras4j.layers.KerasTensor;
import keras4j.layers.MaxPooling2D;
import keras4j.layers.UpSampling2D;
import keras4j.models.Model;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * The Keras blog's "Building Autoencoders in Keras" (F. Chollet), convolutional autoencoder: Conv2D/MaxPooling2D
 * down to a (4, 4, 8) code, Conv2D/UpSampling2D back to 28 x 28, 50 epochs of batch 128 on MNIST, then ten test
 * digits above their reconstructions.
 */
public final class BlogConvAutoencoder extends NotebookProgram {
  @Override
  public String id() {
    return "107";
  }

  @Override
  public String name() {
    return "blog-conv-autoencoder";
  }

  @Override
  public String title() {
    return "Building Autoencoders in Keras: convolutional autoencoder";
  }

  @Override
  void notebook(NotebookSession nb) {
    KerasTensor inputImg = Input.shape(28, 28, 1);
    KerasTensor x = new Conv2D(16, 3, 3).activation("relu").padding("same").apply(inputImg);
    x = new MaxPooling2D(2, 2).padding("same").apply(x);
    x = new Conv2D(8, 3, 3).activation("relu").padding("same").apply(x);
    x = new MaxPooling2D(2, 2).padding("same").apply(x);
    x = new Conv2D(8, 3, 3).activation("relu").padding("same").apply(x);
    KerasTensor encoded = new MaxPooling2D(2, 2).padding("same").apply(x);

    x = new Conv2D(8, 3, 3).activation("relu").padding("same").apply(encoded);
    x = new UpSampling2D(2, 2).apply(x);
    x = new Conv2D(8, 3, 3).activation("relu").padding("same").apply(x);
    x = new UpSampling2D(2, 2).apply(x);
    x = new Conv2D(16, 3, 3).activation("relu").apply(x);
    x = new UpSampling2D(2, 2).apply(x);
    KerasTensor decoded = new Conv2D(1, 3, 3).activation("sigmoid").padding("same").apply(x);
    Model autoencoder = new Model(inputImg, decoded);
    autoencoder.compile("adam", "binary_crossentropy");

    NotebookData mnist = NotebookData.mnist(nb.quick());
    FloatNdArray xTrain = mnist.train(255., 28, 28, 1);
    FloatNdArray xTest = mnist.test(255., 28, 28, 1);
    nb.fit("conv", autoencoder, xTrain, xTrain, 50, 1, batchSize(128), shuffle(true),
        validationData(xTest, xTest));
    nb.comparison("conv", xTest, NotebookSession.predict(autoencoder, xTest));
  }

  /** Runs the port: {@code [outDir] [--quick] [--epochs N]}. */
  public static void main(String[] args) {
    String[] all = new String[args.length + 1];
    all[0] = "107";
    System.arraycopy(args, 0, all, 1, args.length);
    CustomModelPorts.main(all);
  }
}
