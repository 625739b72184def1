package keras4j.examples;

import static keras4j.models.Fit.batchSize;
import static keras4j.models.Fit.validationData;

import java.util.Random;
import keras4j.layers.Dense;
import keras4j.layers.Input;
import keras4j.layers.KerasTensor;
import keras4j.layers.Layer;
import keras4j.models.Model;
import keras4j.models.Sequential;
import keras4j.plot.ImageGrid;
import keras4j.utils.Np;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * Seed 000, "Building a Deep Auto-Encoder" lab: a Sequential 784-128-64-32-64-128-784 autoencoder on
 * Fashion-MNIST scaled by {@code x_train.max()}, its encoder taken from the first three layers onto a new
 * {@code Input}, adam + binary_crossentropy for 20 epochs of batch 256, and the figure of ten random test images
 * (original / 8x4 code / reconstruction).
 *
 * <p>The notebook picks the images with {@code np.random.seed(45); np.random.randint(len(x_test), size=10)}; this
 * port uses {@code new java.util.Random(45)}, so the images differ from the notebook's. Layer names are Keras 3's
 * ({@code dense}, {@code dense_1}, ...; the notebook's Keras 2 printed {@code dense_1} ... {@code dense_6}).
 */
public final class DeepAutoencoder extends NotebookProgram {
  static final long IMAGE_SEED = 45;

  @Override
  public String id() {
    return "000";
  }

  @Override
  public String name() {
    return "deep-autoencoder";
  }

  @Override
  public String title() {
    return "Building a Deep Auto-Encoder";
  }


  @Override
  void notebook(NotebookSession nb) {
    NotebookData fashion = NotebookData.fashionMnist(nb.quick());
    double maxValue = Np.max(fashion.xTrain());
    FloatNdArray xTrain = fashion.train(maxValue, 784);
    FloatNdArray xTest = fashion.test(maxValue, 784);
    nb.println("(" + NotebookSession.shape(xTrain) + ", " + NotebookSession.shape(xTest) + ")");

    int inputDim = (int) xTrain.shape().size(1);
    int encodingDim = 32;

    Sequential autoencoder = new Sequential();
    autoencoder.add(new Dense(4 * encodingDim, "relu").inputShape(inputDim));
    autoencoder.add(new Dense(2 * encodingDim, "relu"));
    autoencoder.add(new Dense(encodingDim, "relu"));
    autoencoder.add(new Dense(2 * encodingDim, "relu"));
    autoencoder.add(new Dense(4 * encodingDim, "relu"));
    autoencoder.add(new Dense(inputDim, "sigmoid"));
    nb.summary(autoencoder);

    KerasTensor inputImg = Input.shape(inputDim);
    Layer encoderLayer1 = autoencoder.layer(0);
    Layer encoderLayer2 = autoencoder.layer(1);
    Layer encoderLayer3 = autoencoder.layer(2);
    Model encoder = new Model(inputImg, encoderLayer3.apply(encoderLayer2.apply(encoderLayer1.apply(inputImg))));
    nb.summary(encoder);
    nb.record("encoder", encoder);

    autoencoder.compile("adam", "binary_crossentropy");
    nb.fit("autoencoder", autoencoder, xTrain, xTrain, 20, 1, batchSize(256), validationData(xTest, xTest));

    int numImages = NotebookSession.N;
    Random random = new Random(IMAGE_SEED);
    int[] randomTestImages = new int[numImages];
    for (int i = 0; i < numImages; i++) {
      randomTestImages[i] = random.nextInt((int) xTest.shape().size(0));
    }
    nb.note("random test images (java.util.Random(%d), not numpy's seed 45): %s", IMAGE_SEED,
        java.util.Arrays.toString(randomTestImages));

    FloatNdArray encodedImgs = NotebookSession.predict(encoder, xTest);
    FloatNdArray decodedImgs = NotebookSession.predict(autoencoder, xTest);

    nb.grid("reconstructions", ImageGrid.builder()
        .row("original", Np.take(xTest, randomTestImages), 28, 28)
        .row("code (8x4)", Np.take(encodedImgs, randomTestImages), 8, 4)
        .row("reconstruction", Np.take(decodedImgs, randomTestImages), 28, 28));
    autoencoder.close();
    encoder.close();
  }
}
