package keras4j.examples;

import static keras4j.models.Fit.batchSize;
import static keras4j.models.Fit.shuffle;
import static keras4j.models.Fit.validationData;

import keras4j.models.Model;
import keras4j.utils.Np;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * The Keras blog's "Building Autoencoders in Keras" (F. Chollet), the sequence-to-sequence autoencoder: an LSTM
 * encoder, {@code RepeatVector}, an LSTM decoder returning sequences, trained on MNIST's rows as sequences of 28
 * steps of 28 features; ten test digits above their reconstructions. The models are {@link Seq2SeqAutoencoder}'s.
 */
public final class BlogSeq2SeqAutoencoder extends NotebookProgram {
  @Override
  public String id() {
    return "109";
  }

  @Override
  public String name() {
    return "blog-seq2seq-autoencoder";
  }

  @Override
  public String title() {
    return "Building Autoencoders in Keras: sequence-to-sequence autoencoder";
  }

  @Override
  void notebook(NotebookSession nb) {
    int timesteps = 28;
    int inputDim = 28;
    Seq2SeqAutoencoder.Models m = Seq2SeqAutoencoder.build(timesteps, inputDim, 64);
    Model sequenceAutoencoder = m.sequenceAutoencoder();
    sequenceAutoencoder.compile("adam", "mse");

    NotebookData mnist = NotebookData.mnist(nb.quick());
    FloatNdArray xTrain = mnist.train(255., timesteps, inputDim);
    FloatNdArray xTest = mnist.test(255., timesteps, inputDim);
    nb.println(NotebookSession.shape(xTrain));
    nb.fit("seq2seq", sequenceAutoencoder, xTrain, xTrain, 10, 1, batchSize(128), shuffle(true),
        validationData(xTest, xTest));

    FloatNdArray decoded = NotebookSession.predict(sequenceAutoencoder, xTest);
    long n = xTest.shape().size(0);
    nb.comparison("seq2seq", Np.reshape(xTest, n, 784), Np.reshape(decoded, n, 784));
  }

  /** Runs the port: {@code [outDir] [--quick] [--epochs N]}. */
  public static void main(String[] args) {
    String[] all = new String[args.length + 1];
    all[0] = "109";
    System.arraycopy(args, 0, all, 1, args.length);
    CustomModelPorts.main(all);
  }
}
