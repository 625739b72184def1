package keras4j.examples;

import static keras4j.models.Fit.batchSize;
import static keras4j.models.Fit.shuffle;
import static keras4j.models.Fit.validationData;

import keras4j.layers.Dense;
import keras4j.layers.Input;
import keras4j.layers.KerasTensor;
import keras4j.models.Model;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * The Keras blog's "Building Autoencoders in Keras" (F. Chollet), deep autoencoder: Dense 128-64-32 encoder and
 * 64-128-784 decoder, 100 epochs of batch 256 on MNIST, then ten test digits above their reconstructions.
 */
public final class BlogDeepAutoencoder extends NotebookProgram {
  @Override
  public String id() {
    return "106";
  }

  @Override
  public String name() {
    return "blog-deep-autoencoder";
  }

  @Override
  public String title() {
    return "Building Autoencoders in Keras: deep autoencoder";
  }

  @Override
  void notebook(NotebookSession nb) {
    NotebookData mnist = NotebookData.mnist(nb.quick());
    FloatNdArray xTrain = mnist.train(255., 784);
    FloatNdArray xTest = mnist.test(255., 784);

    KerasTensor inputImg = Input.shape(784);
    KerasTensor encoded = new Dense(128, "relu").apply(inputImg);
    encoded = new Dense(64, "relu").apply(encoded);
    encoded = new Dense(32, "relu").apply(encoded);
    KerasTensor decoded = new Dense(64, "relu").apply(encoded);
    decoded = new Dense(128, "relu").apply(decoded);
    decoded = new Dense(784, "sigmoid").apply(decoded);
    Model autoencoder = new Model(inputImg, decoded);
    autoencoder.compile("adam", "binary_crossentropy");
    nb.fit("deep", autoencoder, xTrain, xTrain, 100, 1, batchSize(256), shuffle(true),
        validationData(xTest, xTest));
    nb.comparison("deep", xTest, NotebookSession.predict(autoencoder, xTest));
  }

  /** Runs the port: {@code [outDir] [--quick] [--epochs N]}. */
  public static void main(String[] args) {
    String[] all = new String[args.length + 1];
    all[0] = "106";
    System.arraycopy(args, 0, all, 1, args.length);
    CustomModelPorts.main(all);
  }
}
