package keras4j.examples;

import static keras4j.models.Fit.batchSize;
import static keras4j.models.Fit.shuffle;
import static keras4j.models.Fit.validationData;

import keras4j.layers.Dense;
import keras4j.layers.Input;
import keras4j.layers.KerasTensor;
import keras4j.layers.Layer;
import keras4j.models.Model;
import keras4j.regularizers.Regularizers;
import keras4j.utils.Np;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * The Keras blog's "Building Autoencoders in Keras", sparse autoencoder: the simple 784-32-784 autoencoder with
 * {@code activity_regularizer=regularizers.l1(10e-5)} on the code, 100 epochs of batch 256 on MNIST, then the
 * test digits and their reconstructions, and the mean of the codes (the blog: 0.012, against 7.3 without).
 */
public final class BlogSparseAutoencoder extends NotebookProgram {
  static final int EPOCHS = 100;

  @Override
  public String id() {
    return "101";
  }

  @Override
  public String name() {
    return "blog-sparse-autoencoder";
  }

  @Override
  public String title() {
    return "Building Autoencoders in Keras: sparse autoencoder";
  }

  @Override
  void notebook(NotebookSession nb) {
    NotebookData mnist = NotebookData.mnist(nb.quick());
    FloatNdArray xTrain = mnist.train(255., 784);
    FloatNdArray xTest = mnist.test(255., 784);

    int encodingDim = 32;
    KerasTensor inputImg = Input.shape(784);
    KerasTensor encoded = new Dense(encodingDim, "relu").activityRegularizer(Regularizers.l1(10e-5)).apply(inputImg);
    KerasTensor decoded = new Dense(784, "sigmoid").apply(encoded);
    Model autoencoder = new Model(inputImg, decoded);
    Model encoder = new Model(inputImg, encoded);
    KerasTensor encodedInput = Input.shape(encodingDim);
    Layer decoderLayer = autoencoder.layer(-1);
    Model decoder = new Model(encodedInput, decoderLayer.apply(encodedInput));

    autoencoder.compile("adam", "binary_crossentropy");
    nb.fit("sparse", autoencoder, xTrain, xTrain, EPOCHS, 1, batchSize(256), shuffle(true),
        validationData(xTest, xTest));

    FloatNdArray encodedImgs = NotebookSession.predict(encoder, xTest);
    FloatNdArray decodedImgs = NotebookSession.predict(decoder, encodedImgs);
    nb.comparison("sparse", xTest, decodedImgs);
    double mean = mean(encodedImgs);
    nb.println(mean);
    nb.number("encoded_mean", mean);
  }

  static double mean(FloatNdArray a) {
    double s = 0;
    float[] v = Np.toFloatArray(a);
    for (float f : v) {
      s += f;
    }
    return s / v.length;
  }

  /** Runs the port: {@code [outDir] [--quick] [--epochs N]}. */
  public static void main(String[] args) {
    String[] all = new String[args.length + 1];
    all[0] = "101";
    System.arraycopy(args, 0, all, 1, args.length);
    CustomModelPorts.main(all);
  }
}
