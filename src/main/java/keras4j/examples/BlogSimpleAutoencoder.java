package keras4j.examples;

import static keras4j.models.Fit.batchSize;
import static keras4j.models.Fit.shuffle;
import static keras4j.models.Fit.validationData;

import keras4j.layers.Dense;
import keras4j.layers.Input;
import keras4j.layers.KerasTensor;
import keras4j.layers.Layer;
import keras4j.models.Model;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * The Keras blog's "Building Autoencoders in Keras" (F. Chollet), the simplest autoencoder: one Dense layer of 32 as
 * encoder and one as decoder, separate encoder and decoder models, 50 epochs of batch 256 on MNIST, then ten test
 * digits above their reconstructions.
 */
public final class BlogSimpleAutoencoder extends NotebookProgram {
  @Override
  public String id() {
    return "105";
  }

  @Override
  public String name() {
    return "blog-simple-autoencoder";
  }

  @Override
  public String title() {
    return "Building Autoencoders in Keras: simple autoencoder";
  }

  @Override
  void notebook(NotebookSession nb) {
    int encodingDim = 32;
    KerasTensor inputImg = Input.shape(784);
    KerasTensor encoded = new Dense(encodingDim, "relu").apply(inputImg);
    KerasTensor decoded = new Dense(784, "sigmoid").apply(encoded);
    Model autoencoder = new Model(inputImg, decoded);
    Model encoder = new Model(inputImg, encoded);
    KerasTensor encodedInput = Input.shape(encodingDim);
    Layer decoderLayer = autoencoder.layer(-1);
    Model decoder = new Model(encodedInput, decoderLayer.apply(encodedInput));
    autoencoder.compile("adam", "binary_crossentropy");

    NotebookData mnist = NotebookData.mnist(nb.quick());
    FloatNdArray xTrain = mnist.train(255., 784);
    FloatNdArray xTest = mnist.test(255., 784);
    nb.println(NotebookSession.shape(xTrain));
    nb.println(NotebookSession.shape(xTest));
    nb.fit("simple", autoencoder, xTrain, xTrain, 50, 1, batchSize(256), shuffle(true),
        validationData(xTest, xTest));

    FloatNdArray encodedImgs = NotebookSession.predict(encoder, xTest);
    FloatNdArray decodedImgs = NotebookSession.predict(decoder, encodedImgs);
    nb.comparison("simple", xTest, decodedImgs);
  }

  /** Runs the port: {@code [outDir] [--quick] [--epochs N]}. */
  public static void main(String[] args) {
    String[] all = new String[args.length + 1];
    all[0] = "105";
    System.arraycopy(args, 0, all, 1, args.length);
    CustomModelPorts.main(all);
  }
}
