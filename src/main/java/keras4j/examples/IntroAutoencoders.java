package keras4j.examples;

import static keras4j.models.Fit.batchSize;
import static keras4j.models.Fit.validationData;

import java.util.Arrays;
import java.util.StringJoiner;
import keras4j.layers.Conv2D;
import keras4j.layers.Dense;
import keras4j.layers.Input;
import keras4j.layers.KerasTensor;
import keras4j.layers.Layer;
import keras4j.layers.MaxPooling2D;
import keras4j.layers.UpSampling2D;
import keras4j.models.Model;
import keras4j.models.Sequential;
import keras4j.plot.ImageGrid;
import keras4j.plot.LinePlot;
import keras4j.utils.Np;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * Seed 004, "Introduction to Autoencoders" (blog post, 2022): a functional 784-15-784 autoencoder with encoder and
 * decoder (adam + binary_crossentropy, 15 epochs of batch 256), a Sequential convolutional autoencoder with 30 and
 * 15 channels (10,756 parameters, 15 epochs of batch 128), and Fashion-MNIST test images fed to the MNIST model as
 * anomalies.
 *
 * <p>Added to the post: each image's reconstruction error (mean squared error over its pixels), printed for the
 * ten anomalies shown and averaged over the MNIST and the Fashion-MNIST test sets, with a plot of the sorted
 * errors of both; the post only shows the noisy reconstructions.
 */
public final class IntroAutoencoders extends NotebookProgram {
  @Override
  public String id() {
    return "004";
  }

  @Override
  public String name() {
    return "intro-autoencoders";
  }

  @Override
  public String title() {
    return "Introduction to Autoencoders";
  }


  /** The post's Sequential convolutional autoencoder, compiled with adam + binary_crossentropy. */
  public static Sequential convAutoencoder() {
    Sequential model = new Sequential();
    model.add(new Conv2D(30, 3).activation("relu").padding("same").inputShape(28, 28, 1));
    model.add(new MaxPooling2D(2).padding("same"));
    model.add(new Conv2D(15, 3).activation("relu").padding("same"));
    model.add(new MaxPooling2D(2).padding("same"));
    model.add(new Conv2D(15, 3).activation("relu").padding("same"));
    model.add(new UpSampling2D(2));
    model.add(new Conv2D(30, 3).activation("relu").padding("same"));
    model.add(new UpSampling2D(2));
    model.add(new Conv2D(1, 3).activation("sigmoid").padding("same"));
    model.compile("adam", "binary_crossentropy");
    return model;
  }

  @Override
  void notebook(NotebookSession nb) {
    int encodingDim = 15;
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

    nb.grid("x_train_0", ImageGrid.builder().row("x_train[0]", Np.rows(xTrain, 0, 1), 28, 28));

    nb.fit("simple_ae", autoencoder, xTrain, xTrain, 15, 1, batchSize(256), validationData(xTest, xTest));

    FloatNdArray encodedImg = NotebookSession.predict(encoder, xTest);
    FloatNdArray decodedImg = NotebookSession.predict(decoder, encodedImg);
    nb.comparison("simple_ae", xTest, decodedImg);
    autoencoder.close();
    encoder.close();
    decoder.close();

    Sequential model = convAutoencoder();
    nb.summary(model);

    FloatNdArray xTrainImages = mnist.train(255., 28, 28, 1);
    FloatNdArray xTestImages = mnist.test(255., 28, 28, 1);
    nb.fit("conv_ae", model, xTrainImages, xTrainImages, 15, 1, batchSize(128),
        validationData(xTestImages, xTestImages));

    FloatNdArray pred = NotebookSession.predict(model, xTestImages);
    nb.comparison("conv_ae", xTestImages, pred);

    NotebookData fashion = NotebookData.fashionMnist(nb.quick());
    FloatNdArray fxTrain = fashion.train(255., 28, 28, 1);
    FloatNdArray fxTest = fashion.test(255., 28, 28, 1);
    nb.grid("fx_train_0", ImageGrid.builder().row("fx_train[0]", Np.rows(fxTrain, 0, 1), 28, 28));
    nb.println(NotebookSession.shape(fxTrain));
    nb.println(NotebookSession.shape(fxTest));

    FloatNdArray fashionPred = NotebookSession.predict(model, fxTest);
    nb.comparison("fashion_anomalies", fxTest, fashionPred);

    double[] mnistErrors = reconstructionErrors(xTestImages, pred);
    double[] fashionErrors = reconstructionErrors(fxTest, fashionPred);
    StringJoiner shown = new StringJoiner(", ");
    for (int i = 0; i < Math.min(NotebookSession.N, fashionErrors.length); i++) {
      shown.add(String.format(java.util.Locale.ROOT, "%.4f", fashionErrors[i]));
    }
    nb.note("reconstruction error (MSE) of the %d anomalies shown: %s", Math.min(NotebookSession.N,
        fashionErrors.length), shown);
    double mnistMean = Arrays.stream(mnistErrors).average().orElse(Double.NaN);
    double fashionMean = Arrays.stream(fashionErrors).average().orElse(Double.NaN);
    nb.note("mean reconstruction error (MSE): MNIST test %.4f, Fashion-MNIST test %.4f (%.1fx)", mnistMean,
        fashionMean, fashionMean / mnistMean);
    nb.number("anomaly.mnist_test_mse", mnistMean);
    nb.number("anomaly.fashion_test_mse", fashionMean);
    nb.figure(LinePlot.builder().title("004 reconstruction error of the MNIST conv autoencoder")
        .xLabel("test image, sorted by error").yLabel("mean squared error")
        .series("MNIST test", sorted(mnistErrors))
        .series("Fashion-MNIST test (anomalies)", sorted(fashionErrors))
        .legend("upper left")
        .write(nb.path(nb.file("anomaly_errors"))));
    model.close();
  }

  /** The mean squared error of each image's reconstruction. */
  static double[] reconstructionErrors(FloatNdArray images, FloatNdArray reconstructions) {
    if (!images.shape().equals(reconstructions.shape())) {
      throw new IllegalArgumentException("Expected reconstructions of shape " + images.shape() + ", received "
          + reconstructions.shape());
    }
    float[] a = Np.toFloatArray(images);
    float[] b = Np.toFloatArray(reconstructions);
    int n = (int) images.shape().size(0);
    int each = n == 0 ? 0 : a.length / n;
    double[] errors = new double[n];
    for (int i = 0; i < n; i++) {
      double sum = 0;
      for (int j = i * each; j < (i + 1) * each; j++) {
        double d = a[j] - b[j];
        sum += d * d;
      }
      errors[i] = sum / each;
    }
    return errors;
  }

  private static double[] sorted(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    return s;
  }
}
