package keras4j.examples;

import static keras4j.models.Fit.batchSize;
import static keras4j.models.Fit.validationSplit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import keras4j.layers.Activation;
import keras4j.layers.Conv2D;
import keras4j.layers.Dense;
import keras4j.layers.Input;
import keras4j.layers.KerasTensor;
import keras4j.layers.MaxPooling2D;
import keras4j.layers.UpSampling2D;
import keras4j.models.Model;
import keras4j.optimizers.Adadelta;
import keras4j.plot.ImageGrid;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * Seed 003, "Create an Auto-Encoder using Keras functional API" (blog post): a convolutional autoencoder on MNIST
 * with a 7x7x1 code and a linear output ({@code Activation('linear')}), adadelta + mean_squared_error for 15 epochs
 * of batch 64 with {@code validation_split=0.1}; {@code to_json} and {@code save_weights('autoencoder.h5')}; the
 * encoder; the 3-row figure (original / 7x7 code / reconstruction); and the dense 128-64-32 variant, which the post
 * only defines.
 *
 * <p>Changes: the post writes the weights to {@code autoencoder.h5} and then overwrites that file with the JSON;
 * the port writes the JSON to {@code autoencoder.json}. The post's figure uses an undefined {@code x_test}; the port
 * uses {@code X_test}. {@code nb_epoch} is {@code epochs}. The Adadelta learning rate is 1.0 unless another is
 * given: the post's {@code nb_epoch} is accepted only by the Keras APIs of 2019 and before, whose
 * {@code 'adadelta'} meant 1.0; and only with 1.0 do the reconstructions look like the post's figure (val_loss
 * 0.021 after 15 epochs, against 0.059 and blurred digits with tf.keras 2.x's and Keras 3's 0.001). The Python
 * script in notebooks-reference defaults to 0.001 instead, since the post's version is undetermined.
 */
public final class FunctionalApiConvAe extends NotebookProgram {
  /** What {@code 'adadelta'} meant in the notebook's standalone Keras 2 (Keras 3's default is 0.001). */
  public static final double DEFAULT_ADADELTA_LR = 1.0;

  private final double adadeltaLearningRate;

  /** The port of seed 003 with its notebook's settings. */
  public FunctionalApiConvAe() {
    this(DEFAULT_ADADELTA_LR);
  }

  /** With another Adadelta learning rate, e.g. 0.001 for tf.keras 2.x's and Keras 3's {@code 'adadelta'}. */
  public FunctionalApiConvAe(double adadeltaLearningRate) {
    this.adadeltaLearningRate = adadeltaRate(adadeltaLearningRate);
  }

  @Override
  public String id() {
    return "003";
  }

  @Override
  public String name() {
    return "functional-api-conv-ae";
  }

  @Override
  public String title() {
    return "Create an Auto-Encoder using Keras functional API";
  }


  @Override
  void notebook(NotebookSession nb) {
    NotebookData mnist = NotebookData.mnist(nb.quick());
    int shapeX = 28;
    int shapeY = 28;
    FloatNdArray xTrain = mnist.train(255., shapeX, shapeY, 1);
    FloatNdArray xTest = mnist.test(255., shapeX, shapeY, 1);

    KerasTensor inputImg = Input.shape(shapeX, shapeY, 1);

    KerasTensor x = new Conv2D(16, 3, 3).padding("same").activation("relu").apply(inputImg);
    x = new MaxPooling2D(2, 2).padding("same").apply(x);
    x = new Conv2D(1, 3, 3).padding("same").activation("relu").apply(x);
    KerasTensor encoded = new MaxPooling2D(2, 2).padding("same").apply(x);

    x = new Conv2D(1, 3, 3).padding("same").activation("relu").apply(encoded);
    x = new UpSampling2D(2, 2).apply(x);
    x = new Conv2D(16, 3, 3).padding("same").activation("relu").apply(x);
    x = new UpSampling2D(2, 2).apply(x);
    x = new Conv2D(1, 3, 3).padding("same").apply(x);

    KerasTensor decoded = new Activation("linear").apply(x);

    Model autoencoder = new Model(inputImg, decoded);
    nb.note("optimizer: Adadelta(learning_rate=%s) for the post's 'adadelta'%s", adadeltaLearningRate,
        adadeltaLearningRate == DEFAULT_ADADELTA_LR ? " (Keras 2.x / TF 1.x meaning; Keras 3's is 0.001)" : "");
    autoencoder.compile(new Adadelta(adadeltaLearningRate), "mean_squared_error");
    nb.summary(autoencoder);
    long[] code = encoded.shape();
    nb.note("code %d*%d*%d = %d values instead of %d*%d*1 = %d", code[1], code[2], code[3],
        code[1] * code[2] * code[3], shapeX, shapeY, shapeX * shapeY);
    nb.number("code_size", code[1] * code[2] * code[3]);

    nb.fit("conv_ae", autoencoder, xTrain, xTrain, 15, 1, batchSize(64), validationSplit(0.1));

    String jsonString = autoencoder.toJson();
    Path weights = nb.path("autoencoder.h5");
    autoencoder.saveWeights(weights);
    Path json = nb.path("autoencoder.json");
    write(json, jsonString);
    nb.note("wrote %s (%,d bytes) and %s (%,d bytes)", weights.getFileName(), size(weights), json.getFileName(),
        size(json));
    nb.number("file.autoencoder_h5_bytes", size(weights));
    nb.number("file.autoencoder_json_bytes", size(json));

    Model encoder = new Model(inputImg, encoded);
    nb.record("encoder", encoder);

    FloatNdArray xTrainEnc = NotebookSession.predict(encoder, xTrain);
    nb.println(NotebookSession.shape(xTrainEnc));

    FloatNdArray encodedImgs = NotebookSession.predict(encoder, xTest);
    FloatNdArray decodedImgs = NotebookSession.predict(autoencoder, xTest);

    nb.grid("conv_ae", ImageGrid.builder()
        .row("original", NotebookSession.first(xTest), 28, 28)
        .row("code (7x7)", NotebookSession.first(encodedImgs), 7, 7)
        .row("reconstruction", NotebookSession.first(decodedImgs), 28, 28));
    autoencoder.close();
    encoder.close();

    KerasTensor denseInput = Input.shape((long) shapeX * shapeY);
    KerasTensor e = new Dense(128, "relu").apply(denseInput);
    e = new Dense(64, "relu").apply(e);
    e = new Dense(32, "relu").apply(e);
    KerasTensor d = new Dense(64, "relu").apply(e);
    d = new Dense(128, "relu").apply(d);
    d = new Dense(shapeX * shapeY, "sigmoid").apply(d);
    Model denseAutoencoder = new Model(denseInput, d);
    nb.note("dense version (defined only, as in the post):");
    nb.summary(denseAutoencoder);
    nb.record("dense_ae", denseAutoencoder);
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + file + ": " + e.getMessage(), e);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the size of " + file + ": " + e.getMessage(), e);
    }
  }
}
