package keras4j.examples;

import static keras4j.models.Fit.batchSize;
import static keras4j.models.Fit.validationData;

import java.util.ArrayList;
import java.util.List;
import keras4j.layers.Dense;
import keras4j.layers.Input;
import keras4j.layers.KerasTensor;
import keras4j.layers.Lambda;
import keras4j.losses.Losses;
import keras4j.models.Model;
import keras4j.plot.ImageGrid;
import keras4j.utils.Np;
import keras4j.plot.ScatterPlot;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.types.TFloat32;

/**
 * The Keras blog's "Building Autoencoders in Keras", variational autoencoder: a 784-64-2 encoder giving
 * {@code z_mean} and {@code z_log_sigma}, a sampling {@code Lambda}, a 2-64-784 decoder, the reconstruction and KL
 * losses added with {@code vae.add_loss}, 100 epochs of batch 32 on MNIST; then the test set's latent means by digit
 * and the 15 x 15 manifold decoded from a grid over [-15, 15]^2.
 */
public final class BlogVae extends NotebookProgram {
  static final int EPOCHS = 100;

  @Override
  public String id() {
    return "102";
  }

  @Override
  public String name() {
    return "blog-vae";
  }

  @Override
  public String title() {
    return "Building Autoencoders in Keras: variational autoencoder";
  }

  @Override
  void notebook(NotebookSession nb) {
    NotebookData mnist = NotebookData.mnist(nb.quick());
    FloatNdArray xTrain = mnist.train(255., 784);
    FloatNdArray xTest = mnist.test(255., 784);
    int originalDim = 784;
    int intermediateDim = 256;
    int latentDim = 2;

    KerasTensor inputs = Input.shape(originalDim);
    KerasTensor h = new Dense(intermediateDim, "relu").apply(inputs);
    KerasTensor zMean = new Dense(latentDim).apply(h);
    KerasTensor zLogSigma = new Dense(latentDim).apply(h);
    KerasTensor z = Lambda.of((tf, a) -> tf.math.add(a.get(0), tf.math.mul(tf.math.exp(a.get(1)), tf.math.mul(
        tf.constant(0.1f), tf.random.randomStandardNormal(tf.shape(a.get(0)), TFloat32.class)))))
        .apply(List.of(zMean, zLogSigma)).get(0);

    Model encoder = new Model(List.of(inputs), List.of(zMean, zLogSigma, z)).name("encoder");
    KerasTensor latentInputs = Input.shape("z_sampling", latentDim);
    KerasTensor x = new Dense(intermediateDim, "relu").apply(latentInputs);
    KerasTensor outputs = new Dense(originalDim, "sigmoid").apply(x);
    Model decoder = new Model(latentInputs, outputs).name("decoder");
    List<KerasTensor> encoded = encoder.apply(List.of(inputs));
    Model vae = new Model(inputs, decoder.apply(encoded.get(2))).name("vae_mlp");

    vae.addLoss((tf, v) -> {
      Operand<TFloat32> reconstructionLoss = tf.math.mul(Losses.binaryCrossentropy(tf, v.apply(inputs),
          v.apply(vae.output())), tf.constant((float) originalDim));
      Operand<TFloat32> m = v.apply(encoded.get(0));
      Operand<TFloat32> s = v.apply(encoded.get(1));
      Operand<TFloat32> klLoss = tf.math.sub(tf.math.sub(tf.math.add(tf.constant(1f), s), tf.math.square(m)),
          tf.math.exp(s));
      klLoss = tf.math.mul(tf.sum(klLoss, tf.constant(-1)), tf.constant(-0.5f));
      return tf.math.mean(tf.math.add(reconstructionLoss, klLoss), tf.constant(0));
    });
    vae.compile("adam");
    nb.fit("vae", vae, xTrain, xTrain, EPOCHS, 1, batchSize(32), validationData(xTest, xTest));

    FloatNdArray xTestEncoded = encoder.predictAll(List.of(xTest), batchSize(32),
        keras4j.models.Fit.verbose(0)).get(0);
    latentScatter(nb, "latent", xTestEncoded, mnist.yTest());
    nb.grid("manifold", manifold(decoder, 15, -15, 15));
  }

  /** {@code plt.scatter(x_test_encoded[:, 0], x_test_encoded[:, 1], c=y_test)}. */
  static void latentScatter(NotebookSession nb, String name, FloatNdArray encoded, int[] labels) {
    float[] e = Np.toFloatArray(encoded);
    int n = labels.length;
    float[] a = new float[n];
    float[] b = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = e[2 * i];
      b[i] = e[2 * i + 1];
    }
    nb.figure(ScatterPlot.write(nb.path(nb.file(name)), "latent space by digit", a, b, labels, 600));
  }

  /** The decoded n x n grid of digits for latent points from {@code lo} to {@code hi}, rows of decreasing y. */
  static ImageGrid.Builder manifold(Model decoder, int n, double lo, double hi) {
    float[] zs = new float[n * n * 2];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        zs[2 * (i * n + j)] = (float) (lo + (hi - lo) * j / (n - 1));
        zs[2 * (i * n + j) + 1] = (float) (hi - (hi - lo) * i / (n - 1));
      }
    }
    float[] decoded = Np.toFloatArray(NotebookSession.predict(decoder, Np.array(zs, n * n, 2)));
    ImageGrid.Builder grid = ImageGrid.builder().gap(0).range(0, 1);
    for (int i = 0; i < n; i++) {
      List<float[]> row = new ArrayList<>();
      for (int j = 0; j < n; j++) {
        float[] img = new float[784];
        System.arraycopy(decoded, (i * n + j) * 784, img, 0, 784);
        row.add(img);
      }
      grid.row(row, 28, 28);
    }
    return grid;
  }

  /** Runs the port: {@code [outDir] [--quick] [--epochs N]}. */
  public static void main(String[] args) {
    String[] all = new String[args.length + 1];
    all[0] = "102";
    System.arraycopy(args, 0, all, 1, args.length);
    CustomModelPorts.main(all);
  }
}
