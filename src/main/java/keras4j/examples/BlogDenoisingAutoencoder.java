package keras4j.examples;

import static keras4j.models.Fit.batchSize;
import static keras4j.models.Fit.shuffle;
import static keras4j.models.Fit.validationData;

import java.util.Random;
import keras4j.layers.Conv2D;
import keras4j.layers.Input;
import keras4j.layers.KerasTensor;
import keras4j.layers.MaxPooling2D;
import keras4j.layers.UpSampling2D;
import keras4j.models.Model;
import keras4j.plot.ImageGrid;
import keras4j.utils.Np;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * The Keras blog's "Building Autoencoders in Keras" (F. Chollet), denoising autoencoder: MNIST with Gaussian noise
 * (factor 0.5, clipped to [0, 1]), a convolutional autoencoder with 32 filters per layer trained 100 epochs of batch
 * 128 to map the noisy digits to the clean ones; the noisy test digits, then the noisy digits above their denoised
 * reconstructions.
 */
public final class BlogDenoisingAutoencoder extends NotebookProgram {
  @Override
  public String id() {
    return "108";
  }

  @Override
  public String name() {
    return "blog-denoising-autoencoder";
  }

  @Override
  public String title() {
    return "Building Autoencoders in Keras: denoising autoencoder";
  }

  @Override
  void notebook(NotebookSession nb) {
    NotebookData mnist = NotebookData.mnist(nb.quick());
    FloatNdArray xTrain = mnist.train(255., 28, 28, 1);
    FloatNdArray xTest = mnist.test(255., 28, 28, 1);
    Random random = new Random(0);
    double noiseFactor = 0.5;
    FloatNdArray xTrainNoisy = noisy(xTrain, noiseFactor, random);
    FloatNdArray xTestNoisy = noisy(xTest, noiseFactor, random);
    nb.grid("noisy", ImageGrid.builder().row("noisy", NotebookSession.first(xTestNoisy), 28, 28));

    KerasTensor inputImg = Input.shape(28, 28, 1);
    KerasTensor x = new Conv2D(32, 3, 3).activation("relu").padding("same").apply(inputImg);
    x = new MaxPooling2D(2, 2).padding("same").apply(x);
    x = new Conv2D(32, 3, 3).activation("relu").padding("same").apply(x);
    KerasTensor encoded = new MaxPooling2D(2, 2).padding("same").apply(x);

    x = new Conv2D(32, 3, 3).activation("relu").padding("same").apply(encoded);
    x = new UpSampling2D(2, 2).apply(x);
    x = new Conv2D(32, 3, 3).activation("relu").padding("same").apply(x);
    x = new UpSampling2D(2, 2).apply(x);
    KerasTensor decoded = new Conv2D(1, 3, 3).activation("sigmoid").padding("same").apply(x);
    Model autoencoder = new Model(inputImg, decoded);
    autoencoder.compile("adam", "binary_crossentropy");
    nb.fit("denoising", autoencoder, xTrainNoisy, xTrain, 100, 1, batchSize(128), shuffle(true),
        validationData(xTestNoisy, xTest));
    nb.grid("denoised", ImageGrid.builder().row("noisy", NotebookSession.first(xTestNoisy), 28, 28)
        .row("denoised", NotebookSession.first(NotebookSession.predict(autoencoder, xTestNoisy)), 28, 28));
  }

  /** {@code np.clip(x + noise_factor * np.random.normal(loc=0.0, scale=1.0, size=x.shape), 0., 1.)}. */
  static FloatNdArray noisy(FloatNdArray x, double noiseFactor, Random random) {
    float[] v = Np.toFloatArray(x);
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) Math.min(1, Math.max(0, v[i] + noiseFactor * random.nextGaussian()));
    }
    return Np.array(v, x.shape().asArray());
  }

  /** Runs the port: {@code [outDir] [--quick] [--epochs N]}. */
  public static void main(String[] args) {
    String[] all = new String[args.length + 1];
    all[0] = "108";
    System.arraycopy(args, 0, all, 1, args.length);
    CustomModelPorts.main(all);
  }
}
