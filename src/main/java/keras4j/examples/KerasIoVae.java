package keras4j.examples;

import static keras4j.models.Fit.batchSize;

import java.util.List;
import keras4j.layers.BaseLayer;
import keras4j.layers.Conv2D;
import keras4j.layers.Conv2DTranspose;
import keras4j.layers.Dense;
import keras4j.layers.Flatten;
import keras4j.layers.Input;
import keras4j.layers.KerasTensor;
import keras4j.layers.Reshape;
import keras4j.losses.Losses;
import keras4j.models.History;
import keras4j.models.Model;
import keras4j.optimizers.Adam;
import keras4j.saving.LayerRegistry;
import keras4j.utils.Np;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * keras.io's "Variational AutoEncoder" (fchollet): a convolutional encoder to a 2-D latent space with a
 * {@code Sampling} layer, a Conv2DTranspose decoder, a {@code VAE} model whose training step computes the
 * reconstruction and KL losses and tracks them as metrics; 30 epochs of batch 128 on the 70,000 MNIST digits; then
 * the 30 x 30 latent-space grid and the training set's latent means by digit.
 */
public final class KerasIoVae extends NotebookProgram {
  static final int EPOCHS = 30;

  @Override
  public String id() {
    return "103";
  }

  @Override
  public String name() {
    return "keras-io-vae";
  }

  @Override
  public String title() {
    return "keras.io: Variational AutoEncoder";
  }

  /** Uses (z_mean, z_log_var) to sample z, the vector encoding a digit. */
  public static final class Sampling extends BaseLayer<Sampling> {
    @Override
    public List<Operand<TFloat32>> call(Ops tf, List<Operand<TFloat32>> inputs, boolean training) {
      Operand<TFloat32> zMean = inputs.get(0);
      Operand<TFloat32> zLogVar = inputs.get(1);
      Operand<TFloat32> epsilon = tf.random.randomStandardNormal(tf.shape(zMean), TFloat32.class);
      return List.of(tf.math.add(zMean, tf.math.mul(tf.math.exp(tf.math.mul(tf.constant(0.5f), zLogVar)), epsilon)));
    }

    @Override
    public List<long[]> computeOutputShapes(List<long[]> inputShapes) {
      return List.of(inputShapes.get(0));
    }
  }

  /** The VAE: its {@code train_step} as {@code computeLoss}, with the three loss trackers as metrics. */
  public static final class VAE extends Model {
    private final Model encoder;
    private final Model decoder;

    public VAE(Model encoder, Model decoder) {
      super(encoder.inputs(), List.of(decoder.apply(encoder.outputs().get(2))));
      this.encoder = encoder;
      this.decoder = decoder;
    }

    @Override
    public Operand<TFloat32> computeLoss(Ops tf, List<Operand<TFloat32>> data, List<Operand<TFloat32>> y,
        List<Operand<TFloat32>> yPred, boolean training) {
      List<Operand<TFloat32>> z = encoder.call(tf, data, training);
      Operand<TFloat32> reconstruction = decoder.call(tf, List.of(z.get(2)), training).get(0);
      Operand<TFloat32> reconstructionLoss = tf.math.mean(tf.sum(Losses.binaryCrossentropy(tf, data.get(0),
          reconstruction), tf.constant(new int[] {1, 2})), tf.constant(0));
      Operand<TFloat32> klLoss = tf.math.mul(tf.constant(-0.5f), tf.math.sub(tf.math.sub(tf.math.add(
          tf.constant(1f), z.get(1)), tf.math.square(z.get(0))), tf.math.exp(z.get(1))));
      klLoss = tf.math.mean(tf.sum(klLoss, tf.constant(1)), tf.constant(0));
      addMetric("reconstruction_loss", reconstructionLoss);
      addMetric("kl_loss", klLoss);
      return tf.math.add(reconstructionLoss, klLoss);
    }
  }

  @Override
  void notebook(NotebookSession nb) {
    LayerRegistry.register("Sampling", config -> new Sampling());
    int latentDim = 2;
    KerasTensor encoderInputs = Input.shape(28, 28, 1);
    KerasTensor x = new Conv2D(32, 3).activation("relu").strides(2).padding("same").apply(encoderInputs);
    x = new Conv2D(64, 3).activation("relu").strides(2).padding("same").apply(x);
    x = new Flatten().apply(x);
    x = new Dense(16, "relu").apply(x);
    KerasTensor zMean = new Dense(latentDim).name("z_mean").apply(x);
    KerasTensor zLogVar = new Dense(latentDim).name("z_log_var").apply(x);
    KerasTensor z = new Sampling().apply(List.of(zMean, zLogVar)).get(0);
    Model encoder = new Model(List.of(encoderInputs), List.of(zMean, zLogVar, z)).name("encoder");
    encoder.summary(nb::println);

    KerasTensor latentInputs = Input.shape(latentDim);
    x = new Dense(7 * 7 * 64, "relu").apply(latentInputs);
    x = new Reshape(7, 7, 64).apply(x);
    x = new Conv2DTranspose(64, 3).activation("relu").strides(2).padding("same").apply(x);
    x = new Conv2DTranspose(32, 3).activation("relu").strides(2).padding("same").apply(x);
    KerasTensor decoderOutputs = new Conv2DTranspose(1, 3).activation("sigmoid").padding("same").apply(x);
    Model decoder = new Model(latentInputs, decoderOutputs).name("decoder");
    decoder.summary(nb::println);

    NotebookData mnist = NotebookData.mnist(nb.quick());
    FloatNdArray mnistDigits = Np.concatenate(mnist.train(255., 28, 28, 1), mnist.test(255., 28, 28, 1));
    VAE vae = new VAE(encoder, decoder);
    vae.compile(new Adam());
    History history = nb.fit("vae", vae, mnistDigits, null, EPOCHS, 1, batchSize(128));
    for (String k : List.of("reconstruction_loss", "kl_loss")) {
      List<Double> v = history.history().get(k);
      nb.number(k, v.get(v.size() - 1));
    }

    nb.grid("latent_space", BlogVae.manifold(decoder, 30, -1, 1));
    FloatNdArray zMeans = encoder.predictAll(List.of(mnist.train(255., 28, 28, 1)), batchSize(128),
        keras4j.models.Fit.verbose(0)).get(0);
    BlogVae.latentScatter(nb, "label_clusters", zMeans, mnist.yTrain());
  }

  /** Runs the port: {@code [outDir] [--quick] [--epochs N]}. */
  public static void main(String[] args) {
    String[] all = new String[args.length + 1];
    all[0] = "103";
    System.arraycopy(args, 0, all, 1, args.length);
    CustomModelPorts.main(all);
  }
}
