package keras4j.examples;

import static keras4j.models.Fit.batchSize;
import static keras4j.models.Fit.shuffle;
import static keras4j.models.Fit.validationData;

import java.util.Random;
import keras4j.layers.Conv2D;
import keras4j.layers.Conv2DTranspose;
import keras4j.layers.Input;
import keras4j.layers.KerasTensor;
import keras4j.layers.MaxPooling2D;
import keras4j.models.Model;
import keras4j.utils.Np;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * keras.io's "Convolutional autoencoder for image denoising" (Santiago L. Valdarrama): MNIST with Gaussian noise
 * (factor 0.4, clipped to [0, 1]), a Conv2D/MaxPooling2D encoder and Conv2DTranspose decoder trained 50 epochs to
 * reconstruct the clean digits, then 100 more epochs from the noisy ones; the digits before and after each.
 */
public final class KerasIoDenoiser extends NotebookProgram {
  @Override
  public String id() {
    return "104";
  }

  @Override
  public String name() {
    return "keras-io-denoiser";
  }

  @Override
  public String title() {
    return "keras.io: Convolutional autoencoder for image denoising";
  }

  /** The example's {@code noise(array)}: adds {@code 0.4 * N(0, 1)} noise and clips to [0, 1]. */
  static FloatNdArray noise(FloatNdArray array, Random random) {
    float[] v = Np.toFloatArray(array);
    for (int i = 0; i < v.length; i++) {
      v[i] = Math.min(1f, Math.max(0f, v[i] + 0.4f * (float) random.nextGaussian()));
    }
    return Np.array(v, array.shape().asArray());
  }

  @Override
  void notebook(NotebookSession nb) {
    NotebookData mnist = NotebookData.mnist(nb.quick());
    FloatNdArray trainData = mnist.train(255., 28, 28, 1);
    FloatNdArray testData = mnist.test(255., 28, 28, 1);
    Random random = new Random(0);
    FloatNdArray noisyTrainData = noise(trainData, random);
    FloatNdArray noisyTestData = noise(testData, random);
    nb.comparison("train_noisy", trainData, noisyTrainData);

    KerasTensor input = Input.shape(28, 28, 1);
    KerasTensor x = new Conv2D(32, 3, 3).activation("relu").padding("same").apply(input);
    x = new MaxPooling2D(2, 2).padding("same").apply(x);
    x = new Conv2D(32, 3, 3).activation("relu").padding("same").apply(x);
    x = new MaxPooling2D(2, 2).padding("same").apply(x);
    x = new Conv2DTranspose(32, 3, 3).strides(2).activation("relu").padding("same").apply(x);
    x = new Conv2DTranspose(32, 3, 3).strides(2).activation("relu").padding("same").apply(x);
    x = new Conv2D(1, 3, 3).activation("sigmoid").padding("same").apply(x);
    Model autoencoder = new Model(input, x);
    autoencoder.compile("adam", "binary_crossentropy");
    autoencoder.summary(nb::println);

    nb.fit("clean", autoencoder, trainData, trainData, 50, 1, batchSize(128), shuffle(true),
        validationData(testData, testData));
    nb.comparison("clean", testData, NotebookSession.predict(autoencoder, testData));

    nb.fit("denoising", autoencoder, noisyTrainData, trainData, 100, 1, batchSize(128), shuffle(true),
        validationData(noisyTestData, testData));
    nb.comparison("denoised", noisyTestData, NotebookSession.predict(autoencoder, noisyTestData));
  }

  /** Runs the port: {@code [outDir] [--quick] [--epochs N]}. */
  public static void main(String[] args) {
    String[] all = new String[args.length + 1];
    all[0] = "104";
    System.arraycopy(args, 0, all, 1, args.length);
    CustomModelPorts.main(all);
  }
}
