package keras4j.examples;

import static keras4j.models.Fit.batchSize;
import static keras4j.models.Fit.shuffle;
import static keras4j.models.Fit.validationData;

import keras4j.layers.Conv2D;
import keras4j.layers.Dense;
import keras4j.layers.Input;
import keras4j.layers.KerasTensor;
import keras4j.layers.Layer;
import keras4j.layers.MaxPooling2D;
import keras4j.layers.UpSampling2D;
import keras4j.models.Model;
import keras4j.optimizers.Adadelta;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * Seed 001, "Autoencoders Lab", with its blanks filled in as its instructions ask: a functional 784-32-784
 * autoencoder with encoder and decoder sub-models sharing its layers (50 epochs), a deeper 128-64-32-64-128
 * autoencoder (100 epochs), and the bonus convolutional autoencoder, all adadelta + binary_crossentropy on MNIST.
 *
 * <p>The lab ran on standalone Keras 2.x, where {@code optimizer='adadelta'} meant a learning rate of 1.0; with
 * Keras 3's 0.001 the simple autoencoder's val_loss only goes from 0.692 to 0.677 in 50 epochs (to 0.102 with
 * 1.0). The port therefore compiles with {@code new Adadelta(1.0)} unless another rate is given to the
 * constructor. The lab gives no epochs for the
 * convolutional autoencoder; the port uses those of the Keras blog post the lab cites: 50 epochs of batch 128.
 * The lab's second figure plots the simple autoencoder's output under the deep one's heading; the port plots
 * the deep autoencoder's. The lab's {@code np.random.seed(0)} is not mirrored: it seeded numpy only, not the
 * TensorFlow initialisers, and {@code Backend.setRandomSeed} would fix the seed of every later run in the JVM.
 */
public final class AutoencodersLab extends NotebookProgram {
  /** standalone Keras 2.x's {@code 'adadelta'}. */
  public static final double KERAS_2_ADADELTA_LR = 1.0;
  static final int CONV_EPOCHS = 50;
  static final int CONV_BATCH = 128;

  private final double adadeltaLearningRate;

  /** The port of seed 001 with its notebook's settings. */
  public AutoencodersLab() {
    this(KERAS_2_ADADELTA_LR);
  }

  /** With another Adadelta learning rate, e.g. 0.001 for Keras 3's {@code 'adadelta'}. */
  public AutoencodersLab(double adadeltaLearningRate) {
    this.adadeltaLearningRate = adadeltaRate(adadeltaLearningRate);
  }

  @Override
  public String id() {
    return "001";
  }

  @Override
  public String name() {
    return "autoencoders-lab";
  }

  @Override
  public String title() {
    return "Autoencoders Lab";
  }


  private Adadelta adadelta() {
    return new Adadelta(adadeltaLearningRate);
  }

  @Override
  void notebook(NotebookSession nb) {
    nb.note("optimizer: Adadelta(learning_rate=%s)%s", adadeltaLearningRate,
        adadeltaLearningRate == KERAS_2_ADADELTA_LR
            ? ", what 'adadelta' meant in the lab's standalone Keras 2.x (Keras 3's 'adadelta' is 0.001)"
            : " (the lab's standalone Keras 2.x used 1.0)");
    simpleAndDeep(nb);
    convolutional(nb);
  }

  private void simpleAndDeep(NotebookSession nb) {
    int encodingDim = 32;

    KerasTensor inputImg = Input.shape(784);
    KerasTensor encodedImageLayer = new Dense(encodingDim, "relu").apply(inputImg);
    KerasTensor decodedImageLayer = new Dense(784, "sigmoid").apply(encodedImageLayer);
    Model autoencoder = new Model(inputImg, decodedImageLayer);

    Model encoder = new Model(inputImg, encodedImageLayer);
    KerasTensor encodedInput = Input.shape(encodingDim);
    Layer decoderLayer = autoencoder.layer(-1);
    Model decoder = new Model(encodedInput, decoderLayer.apply(encodedInput));

    autoencoder.compile(adadelta(), "binary_crossentropy");

    NotebookData mnist = NotebookData.mnist(nb.quick());
    FloatNdArray xTrain = mnist.train(255., 784);
    FloatNdArray xTest = mnist.test(255., 784);

    nb.fit("simple_ae", autoencoder, xTrain, xTrain, 50, 1, batchSize(256), shuffle(true),
        validationData(xTest, xTest));

    FloatNdArray encodedImgs = NotebookSession.predict(encoder, xTest);
    FloatNdArray decodedImgs = NotebookSession.predict(decoder, encodedImgs);
    nb.comparison("simple_ae", xTest, decodedImgs);

    KerasTensor deepInput = Input.shape(784);
    KerasTensor encoded1 = new Dense(128, "relu").apply(deepInput);
    KerasTensor encoded2 = new Dense(64, "relu").apply(encoded1);
    KerasTensor encoded3 = new Dense(32, "relu").apply(encoded2);
    KerasTensor decoded1 = new Dense(64, "relu").apply(encoded3);
    KerasTensor decoded2 = new Dense(128, "relu").apply(decoded1);
    KerasTensor decoded3 = new Dense(784, "sigmoid").apply(decoded2);
    Model deeperAutoencoder = new Model(deepInput, decoded3);

    Model deepEncoder = new Model(deepInput, encoded3);
    KerasTensor deepEncodedInput = Input.shape(encodingDim);
    Layer deepDecoderLayer1 = deeperAutoencoder.layer(-3);
    Layer deepDecoderLayer2 = deeperAutoencoder.layer(-2);
    Layer deepDecoderLayer3 = deeperAutoencoder.layer(-1);
    Model deepDecoder = new Model(deepEncodedInput,
        deepDecoderLayer3.apply(deepDecoderLayer2.apply(deepDecoderLayer1.apply(deepEncodedInput))));

    deeperAutoencoder.compile(adadelta(), "binary_crossentropy");
    nb.fit("deep_ae", deeperAutoencoder, xTrain, xTrain, 100, 1, batchSize(256), shuffle(true),
        validationData(xTest, xTest));

    FloatNdArray deepEncodedImgs = NotebookSession.predict(deepEncoder, xTest);
    FloatNdArray deepDecodedImgs = NotebookSession.predict(deepDecoder, deepEncodedImgs);
    nb.comparison("deep_ae", xTest, deepDecodedImgs);

    for (Model m : new Model[] {autoencoder, encoder, decoder, deeperAutoencoder, deepEncoder, deepDecoder}) {
      m.close();
    }
  }

  private void convolutional(NotebookSession nb) {
    KerasTensor convInputImg = Input.shape(28, 28, 1);
    KerasTensor convEncoder1 = new Conv2D(16, 3, 3).activation("relu").padding("same").apply(convInputImg);
    KerasTensor convEncoder2 = new MaxPooling2D(2, 2).padding("same").apply(convEncoder1);
    KerasTensor convEncoder3 = new Conv2D(8, 3, 3).activation("relu").padding("same").apply(convEncoder2);
    KerasTensor convEncoder4 = new MaxPooling2D(2, 2).padding("same").apply(convEncoder3);
    KerasTensor convEncoder5 = new Conv2D(8, 3, 3).activation("relu").padding("same").apply(convEncoder4);
    KerasTensor convEncoded = new MaxPooling2D(2, 2).padding("same").apply(convEncoder5);

    KerasTensor convDecoder1 = new Conv2D(8, 3, 3).activation("relu").padding("same").apply(convEncoded);
    KerasTensor convDecoder2 = new UpSampling2D(2, 2).apply(convDecoder1);
    KerasTensor convDecoder3 = new Conv2D(8, 3, 3).activation("relu").padding("same").apply(convDecoder2);
    KerasTensor convDecoder4 = new UpSampling2D(2, 2).apply(convDecoder3);
    KerasTensor convDecoder5 = new Conv2D(16, 3, 3).activation("relu").apply(convDecoder4);
    KerasTensor convDecoder6 = new UpSampling2D(2, 2).apply(convDecoder5);
    KerasTensor convDecoded = new Conv2D(1, 3, 3).activation("sigmoid").padding("same").apply(convDecoder6);

    Model convAutoencoder = new Model(convInputImg, convDecoded);
    convAutoencoder.compile(adadelta(), "binary_crossentropy");

    NotebookData mnist = NotebookData.mnist(nb.quick());
    FloatNdArray xTrain = mnist.train(255., 28, 28, 1);
    FloatNdArray xTest = mnist.test(255., 28, 28, 1);

    Model convEncoder = new Model(convInputImg, convEncoded);
    KerasTensor convEncodedInput = Input.shape(4, 4, 8);
    KerasTensor x = convEncodedInput;
    for (Layer layer : convAutoencoder.layers().subList(convAutoencoder.layers().size() - 7,
        convAutoencoder.layers().size())) {
      x = layer.apply(x);
    }
    Model convDecoder = new Model(convEncodedInput, x);

    nb.note("conv_ae: the lab gives no epochs or batch size; using the Keras blog's %d epochs of batch %d",
        CONV_EPOCHS, CONV_BATCH);
    nb.fit("conv_ae", convAutoencoder, xTrain, xTrain, CONV_EPOCHS, 1, batchSize(CONV_BATCH), shuffle(true),
        validationData(xTest, xTest));

    FloatNdArray convEncodedImgs = NotebookSession.predict(convEncoder, xTest);
    FloatNdArray convDecodedImgs = NotebookSession.predict(convDecoder, convEncodedImgs);
    nb.comparison("conv_ae", xTest, convDecodedImgs);

    convAutoencoder.close();
    convEncoder.close();
    convDecoder.close();
  }
}
