package keras4j.examples;

import static keras4j.models.Fit.batchSize;
import static keras4j.models.Fit.epochs;
import static keras4j.models.Fit.shuffle;
import static keras4j.models.Fit.validationData;
import static keras4j.models.Fit.verbose;

import java.nio.file.Path;
import java.util.List;
import keras4j.layers.Input;
import keras4j.layers.KerasTensor;
import keras4j.layers.LSTM;
import keras4j.layers.RepeatVector;
import keras4j.models.History;
import keras4j.models.Model;
import keras4j.plot.ImageGrid;
import keras4j.utils.Np;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * The Keras blog's sequence-to-sequence autoencoder ("Building Autoencoders in Keras"): an {@code LSTM} encoder
 * reads a sequence into one vector, {@code RepeatVector} repeats it once per time step and an {@code LSTM} decoder
 * turns it back into the sequence. The sequences are MNIST images read row by row (28 steps of 28 pixels); the
 * figure {@code seq2seq_reconstructions.png} shows test inputs above their reconstructions.
 *
 * <pre>
 * inputs = Input(shape=(timesteps, input_dim))
 * encoded = LSTM(latent_dim)(inputs)
 * decoded = RepeatVector(timesteps)(encoded)
 * decoded = LSTM(input_dim, return_sequences=True)(decoded)
 * sequence_autoencoder = Model(inputs, decoded)
 * encoder = Model(inputs, encoded)
 * </pre>
 *
 * <p>Usage: {@code Seq2SeqAutoencoder [--quick] [--out DIR]}; quick mode trains 1 epoch on 2,048 sequences.
 */
public final class Seq2SeqAutoencoder {
  static final int TIMESTEPS = 28;
  static final int INPUT_DIM = 28;
  static final int LATENT_DIM = 64;
  static final int EPOCHS = 10;

  private Seq2SeqAutoencoder() {}

  /** What a run produced: the training history, the figure, and the encoder's output shape. */
  public record Result(History history, Path figure, long[] codeShape) {}

  /** The blog's models: the sequence autoencoder and its encoder, sharing the encoder LSTM. */
  public record Models(Model sequenceAutoencoder, Model encoder) {}

  /** Builds the blog's {@code sequence_autoencoder} and {@code encoder}. */
  public static Models build(int timesteps, int inputDim, int latentDim) {
    KerasTensor inputs = Input.shape(timesteps, inputDim);
    KerasTensor encoded = new LSTM(latentDim).apply(inputs);
    KerasTensor decoded = new RepeatVector(timesteps).apply(encoded);
    decoded = new LSTM(inputDim).returnSequences(true).apply(decoded);
    return new Models(new Model(inputs, decoded), new Model(inputs, encoded));
  }

  /** Trains on MNIST rows as sequences and writes the figure into {@code out}. */
  public static Result run(boolean quick, Path out) {
    NotebookData mnist = NotebookData.mnist(quick);
    FloatNdArray xTrain = mnist.train(255., TIMESTEPS, INPUT_DIM);
    FloatNdArray xTest = mnist.test(255., TIMESTEPS, INPUT_DIM);
    Models m = build(TIMESTEPS, INPUT_DIM, LATENT_DIM);
    Model ae = m.sequenceAutoencoder();
    ae.compile("adam", "mse");
    ae.summary();
    History h = ae.fit(xTrain, xTrain, epochs(quick ? 1 : EPOCHS), batchSize(128), shuffle(true),
        validationData(xTest, xTest), verbose(1));
    int n = 10;
    FloatNdArray shown = Np.rows(xTest, 0, n);
    FloatNdArray decoded = ae.predict(shown);
    FloatNdArray codes = m.encoder().predict(shown);
    Path png = ImageGrid.builder()
        .title("LSTM sequence-to-sequence autoencoder: MNIST rows as sequences (top: inputs, bottom: reconstructions)")
        .row("input", Np.reshape(shown, n, TIMESTEPS * INPUT_DIM), TIMESTEPS, INPUT_DIM)
        .row("reconstruction", Np.reshape(decoded, n, TIMESTEPS * INPUT_DIM), TIMESTEPS, INPUT_DIM)
        .range(0, 1)
        .scale(2)
        .write(out.resolve("seq2seq_reconstructions.png"));
    ae.close();
    m.encoder().close();
    return new Result(h, png, codes.shape().asArray());
  }

  /** {@code Seq2SeqAutoencoder [--quick] [--out DIR]}. */
  public static void main(String[] args) {
    boolean quick = List.of(args).contains("--quick");
    Path out = Path.of("out", "seq2seq-autoencoder");
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals("--out")) {
        out = Path.of(args[i + 1]);
      }
    }
    try {
      java.nio.file.Files.createDirectories(out);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Result r = run(quick, out);
    System.out.println("Figure: " + r.figure());
  }
}
