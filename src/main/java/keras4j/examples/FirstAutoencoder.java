package keras4j.examples;

import static keras4j.models.Fit.batchSize;
import static keras4j.models.Fit.shuffle;
import static keras4j.models.Fit.validationData;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import keras4j.layers.Dense;
import keras4j.layers.Input;
import keras4j.layers.KerasTensor;
import keras4j.layers.Layer;
import keras4j.models.Model;
import keras4j.plot.ConfusionMatrix;
import keras4j.plot.HeatMap;
import keras4j.plot.ImageGrid;
import keras4j.neighbors.KNeighborsClassifier;
import keras4j.utils.NpyWriter;
import keras4j.utils.Np;
import keras4j.utils.PlotModel;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * Seed 002, "Your First Autoencoder" (Applied Deep Learning, 2nd ed.): {@code create_autoencoders(dim)} for 16,
 * 64 and 8 latent features on MNIST (adam + binary_crossentropy, 30 epochs of batch 256, verbose 0), the model
 * plot, the sizes of the test set and of its 16-feature code saved as {@code .npy}, KNN (k=7) on the 8 latent
 * features and on the 784 raw pixels with the confusion matrix, the MSE variant, Fashion-MNIST with 8 and 16
 * latent features and raw-pixel KNN, and the exercises 2 and 4 (a 784-300-16-300-784 autoencoder on
 * Fashion-MNIST and its first layer's weights as images).
 *
 * <p>The book's {@code plot_cm} helper (loaded by {@code git clone}) is replaced by {@link HeatMap}, and
 * {@code ! ls -al} by the files' sizes. In quick mode every KNN, the raw-pixel ones included, runs on the quick
 * subset (2048 training and 512 test rows) instead of 60,000 and 10,000.
 */
public final class FirstAutoencoder extends NotebookProgram {
  static final int EPOCHS = 30;
  static final int K = 7;

  /** What {@code create_autoencoders} returns: the autoencoder and the encoder and decoder sharing its layers. */
  public record Autoencoders(Model autoencoder, Model encoder, Model decoder) implements AutoCloseable {
    @Override
    public void close() {
      autoencoder.close();
      encoder.close();
      decoder.close();
    }
  }

  @Override
  public String id() {
    return "002";
  }

  @Override
  public String name() {
    return "first-autoencoder";
  }

  @Override
  public String title() {
    return "Your First Autoencoder";
  }

  /** The notebook's {@code create_autoencoders(feature_layer_dim)}: 784-dim-784 with the book's layer names. */
  public static Autoencoders createAutoencoders(int featureLayerDim) {
    KerasTensor inputImg = Input.shape("Input_Layer", 784);
    KerasTensor encoded = new Dense(featureLayerDim, "relu").name("Encoded_Features").apply(inputImg);
    KerasTensor decoded = new Dense(784, "sigmoid").name("Decoded_Input").apply(encoded);

    Model autoencoder = new Model(inputImg, decoded);
    Model encoder = new Model(inputImg, encoded);

    KerasTensor encodedInput = Input.shape(featureLayerDim);
    Layer decoder = autoencoder.layer(-1);
    return new Autoencoders(autoencoder, encoder, new Model(encodedInput, decoder.apply(encodedInput)));
  }

  /** Exercise 2: {@code create_autoencoders} with a {@code hidden}-unit layer on each side, (784, 300, dim, 300, 784). */
  public static Autoencoders createDeepAutoencoders(int featureLayerDim, int hidden) {
    KerasTensor inputImg = Input.shape("Input_Layer", 784);
    KerasTensor x = new Dense(hidden, "relu").name("Hidden_Encoder").apply(inputImg);
    KerasTensor encoded = new Dense(featureLayerDim, "relu").name("Encoded_Features").apply(x);
    KerasTensor y = new Dense(hidden, "relu").name("Hidden_Decoder").apply(encoded);
    KerasTensor decoded = new Dense(784, "sigmoid").name("Decoded_Input").apply(y);

    Model autoencoder = new Model(inputImg, decoded);
    Model encoder = new Model(inputImg, encoded);
    KerasTensor encodedInput = Input.shape(featureLayerDim);
    KerasTensor out = autoencoder.layer(-1).apply(autoencoder.layer(-2).apply(encodedInput));
    return new Autoencoders(autoencoder, encoder, new Model(encodedInput, out));
  }


  @Override
  void notebook(NotebookSession nb) {
    NotebookData mnist = NotebookData.mnist(nb.quick());
    FloatNdArray mnistXTrain = mnist.train(255., 784);
    FloatNdArray mnistXTest = mnist.test(255., 784);
    NotebookData fashion = NotebookData.fashionMnist(nb.quick());
    FloatNdArray fashionXTrain = fashion.train(255., 784);
    FloatNdArray fashionXTest = fashion.test(255., 784);

    mnist16(nb, mnistXTrain, mnistXTest);
    mnist64(nb, mnistXTrain, mnistXTest);
    mnist8AndKnn(nb, mnist, mnistXTrain, mnistXTest);
    mse(nb, mnistXTrain, mnistXTest);
    fashion(nb, fashion, fashionXTrain, fashionXTest);
    exercises(nb, fashionXTrain, fashionXTest);
  }

  private static Autoencoders train(NotebookSession nb, String run, int dim, String loss, FloatNdArray xTrain,
      FloatNdArray xTest, int verbose) {
    Autoencoders ae = createAutoencoders(dim);
    ae.autoencoder().compile("adam", loss);
    nb.fit(run, ae.autoencoder(), xTrain, xTrain, EPOCHS, verbose, batchSize(256), shuffle(true),
        validationData(xTest, xTest));
    return ae;
  }

  private void mnist16(NotebookSession nb, FloatNdArray xTrain, FloatNdArray xTest) {
    Autoencoders ae = createAutoencoders(16);
    PlotModel.Output plot = PlotModel.plotModel(ae.autoencoder(), nb.path(nb.file("autoencoder_16_model")), true);
    if (plot.rendered()) {
      nb.figure(plot.image());
    } else {
      nb.note("plot_model: wrote %s; no PNG: %s", plot.dot().getFileName(), plot.skipped());
    }
    ae.autoencoder().compile("adam", "binary_crossentropy");
    nb.fit("mnist_16", ae.autoencoder(), xTrain, xTrain, EPOCHS, 0, batchSize(256), shuffle(true),
        validationData(xTest, xTest));
    FloatNdArray encodedImgs = NotebookSession.predict(ae.encoder(), xTest);
    FloatNdArray decodedImgs = NotebookSession.predict(ae.decoder(), encodedImgs);

    Path orig = NpyWriter.save(nb.options().outDir().resolve("temp_orig"), xTest);
    long origBytes = size(orig);
    nb.println(ls(orig, origBytes));
    Path enc = NpyWriter.save(nb.options().outDir().resolve("temp_encoded"), encodedImgs);
    long encBytes = size(enc);
    nb.println(ls(enc, encBytes));
    long n = xTest.shape().size(0);
    nb.note("%d images x 784 pixels x 4 bytes = %,d bytes; x 16 latent features x 4 bytes = %,d bytes; the files "
        + "add a %d-byte header each; compression ratio %.1f", n, n * 784 * 4, n * 16 * 4, origBytes - n * 784 * 4,
        (double) origBytes / encBytes);
    nb.number("compression.temp_orig_bytes", origBytes);
    nb.number("compression.temp_encoded_bytes", encBytes);
    nb.number("compression.ratio", (double) origBytes / encBytes);

    nb.comparison("mnist_16", xTest, decodedImgs);
    ae.close();
  }

  private void mnist64(NotebookSession nb, FloatNdArray xTrain, FloatNdArray xTest) {
    try (Autoencoders ae = train(nb, "mnist_64", 64, "binary_crossentropy", xTrain, xTest, 0)) {
      FloatNdArray decodedImgs = NotebookSession.predict(ae.decoder(), NotebookSession.predict(ae.encoder(), xTest));
      nb.comparison("mnist_64", xTest, decodedImgs);
    }
  }

  private void mnist8AndKnn(NotebookSession nb, NotebookData mnist, FloatNdArray xTrain, FloatNdArray xTest) {
    try (Autoencoders ae = train(nb, "mnist_8", 8, "binary_crossentropy", xTrain, xTest, 0)) {
      FloatNdArray encodedImgs = NotebookSession.predict(ae.encoder(), xTest);
      FloatNdArray decodedImgs = NotebookSession.predict(ae.decoder(), encodedImgs);
      nb.comparison("mnist_8", xTest, decodedImgs);

      FloatNdArray encodedTrainImgs = NotebookSession.predict(ae.encoder(), xTrain);
      nb.println(NotebookSession.shape(encodedTrainImgs));

      try (KNeighborsClassifier knn = knn(nb, "mnist_latent_8", encodedTrainImgs, mnist.yTrain(), encodedImgs,
          mnist.yTest())) {
        int[] knnPredictions = knn.predict(encodedImgs);
        ConfusionMatrix cm = ConfusionMatrix.of(mnist.yTest(), knnPredictions, new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        nb.figure(HeatMap.confusionMatrix(cm).title("KNN (k=7) on 8 latent features, MNIST test set")
            .write(nb.path(nb.file("confusion_matrix"))));
      }
    }
    knn(nb, "mnist_raw_784", xTrain, mnist.yTrain(), xTest, mnist.yTest()).close();
  }

  private void mse(NotebookSession nb, FloatNdArray xTrain, FloatNdArray xTest) {
    int dim = 16;
    KerasTensor inputImg = Input.shape(784);
    KerasTensor encoded = new Dense(dim, "relu").apply(inputImg);
    KerasTensor decoded = new Dense(784, "sigmoid").apply(encoded);
    Model autoencoder = new Model(inputImg, decoded);
    Model encoder = new Model(inputImg, encoded);
    KerasTensor encodedInput = Input.shape(dim);
    Layer decoderLayer = autoencoder.layer(-1);
    Model decoder = new Model(encodedInput, decoderLayer.apply(encodedInput));
    try (Autoencoders ae = new Autoencoders(autoencoder, encoder, decoder)) {
      autoencoder.compile("adam", "mse");
      nb.fit("mse_ae_16", autoencoder, xTrain, xTrain, EPOCHS, 0, batchSize(256), shuffle(true),
          validationData(xTest, xTest));
      FloatNdArray decodedImgs = NotebookSession.predict(decoder, NotebookSession.predict(encoder, xTest));
      nb.comparison("mnist_mse_16", xTest, decodedImgs);
    }
  }

  private void fashion(NotebookSession nb, NotebookData fashion, FloatNdArray xTrain, FloatNdArray xTest) {
    try (Autoencoders ae = train(nb, "fashion_8", 8, "binary_crossentropy", xTrain, xTest, 1)) {
      FloatNdArray decodedImgs = NotebookSession.predict(ae.decoder(), NotebookSession.predict(ae.encoder(), xTest));
      nb.comparison("fashion_8", xTest, decodedImgs);

      knn(nb, "fashion_raw_784", xTrain, fashion.yTrain(), xTest, fashion.yTest()).close();

      FloatNdArray encodedFashionTrainImgs = NotebookSession.predict(ae.encoder(), xTrain);
      FloatNdArray encodedFashionTestImgs = NotebookSession.predict(ae.encoder(), xTest);
      knn(nb, "fashion_latent_8", encodedFashionTrainImgs, fashion.yTrain(), encodedFashionTestImgs,
          fashion.yTest()).close();
    }
    try (Autoencoders ae = train(nb, "fashion_16", 16, "binary_crossentropy", xTrain, xTest, 0)) {
      FloatNdArray encodedFashionTrainImgs = NotebookSession.predict(ae.encoder(), xTrain);
      FloatNdArray encodedFashionTestImgs = NotebookSession.predict(ae.encoder(), xTest);
      knn(nb, "fashion_latent_16", encodedFashionTrainImgs, fashion.yTrain(), encodedFashionTestImgs,
          fashion.yTest()).close();
    }
  }

  private void exercises(NotebookSession nb, FloatNdArray xTrain, FloatNdArray xTest) {
    nb.note("exercise 2: (784, 300, 16, 300, 784) on Fashion-MNIST; exercise 4: its first layer's weights");
    try (Autoencoders ae = createDeepAutoencoders(16, 300)) {
      ae.autoencoder().compile("adam", "binary_crossentropy");
      nb.fit("exercise_300_16", ae.autoencoder(), xTrain, xTrain, EPOCHS, 0, batchSize(256), shuffle(true),
          validationData(xTest, xTest));
      FloatNdArray decodedImgs = NotebookSession.predict(ae.decoder(), NotebookSession.predict(ae.encoder(), xTest));
      nb.comparison("exercise_300_16", xTest, decodedImgs);

      FloatNdArray kernel = ae.autoencoder().getLayer("Hidden_Encoder").getWeights().get(0);
      nb.grid("exercise_first_layer_weights", weightGrid(kernel, 20));
    }
  }

  /** Each column of a (784, units) kernel as a 28x28 image, {@code perRow} to a row, labelled by neuron. */
  static ImageGrid.Builder weightGrid(FloatNdArray kernel, int perRow) {
    int inputs = (int) kernel.shape().size(0);
    int units = (int) kernel.shape().size(1);
    if (inputs != 784) {
      throw new IllegalArgumentException("Expected a kernel of shape (784, units), received " + kernel.shape());
    }
    float[] w = Np.toFloatArray(kernel);
    ImageGrid.Builder grid = ImageGrid.builder().scale(2);
    for (int start = 0; start < units; start += perRow) {
      int end = Math.min(units, start + perRow);
      List<float[]> images = new ArrayList<>();
      for (int j = start; j < end; j++) {
        float[] img = new float[784];
        for (int i = 0; i < 784; i++) {
          img[i] = w[i * units + j];
        }
        images.add(img);
      }
      grid.row("neurons " + (start + 1) + "-" + end, images, 28, 28);
    }
    return grid;
  }

  /** The notebook's KNN cell: fit and score timed together, both printed; the classifier stays open. */
  private static KNeighborsClassifier knn(NotebookSession nb, String key, FloatNdArray xTrain, int[] yTrain,
      FloatNdArray xTest, int[] yTest) {
    long start = System.nanoTime();
    KNeighborsClassifier knn = new KNeighborsClassifier(K).fit(xTrain, yTrain);
    double accuracy = knn.score(xTest, yTest);
    nb.println("The accuracy on the test set is:  " + accuracy);
    double seconds = (System.nanoTime() - start) / 1e9;
    nb.println("Running time " + seconds + " sec.");
    nb.note("KNN %s: %d training rows of %d features, %d test rows", key, xTrain.shape().size(0),
        xTrain.shape().size() / xTrain.shape().size(0), xTest.shape().size(0));
    nb.number("knn." + key + ".accuracy", accuracy);
    nb.number("knn." + key + ".seconds", seconds);
    return knn;
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("Could not read the size of " + p + ": " + e.getMessage(), e);
    }
  }

  private static String ls(Path p, long bytes) {
    return String.format(Locale.ROOT, "%s: %,d bytes", p.getFileName(), bytes);
  }
}
