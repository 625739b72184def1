package keras4j.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import keras4j.datasets.ImageDataset;
import keras4j.models.Fit;
import keras4j.models.Model;
import keras4j.neighbors.KNeighborsClassifier;
import keras4j.utils.Np;
import org.apache.commons.cli.Options;
import org.tensorflow.ndarray.ByteNdArray;
import org.tensorflow.ndarray.FloatNdArray;

/** {@code keras4j knn}: k-nearest-neighbour accuracy on raw pixels or on an encoder's codes, and its time. */
final class KnnCommand implements Command {
  @Override
  public String name() {
    return "knn";
  }

  @Override
  public String summary() {
    return "k-nearest-neighbour accuracy and time on raw pixels or an encoder's features";
  }

  @Override
  public String usage() {
    return "knn [--dataset NAME] [--encoder MODEL [--layer NAME]] [--k K] [--limit-train N] [--limit-test N]";
  }

  @Override
  public String description() {
    return "Classifies the test images by majority vote of their K nearest training images (Euclidean distance, "
        + "as scikit-learn's KNeighborsClassifier), on pixels scaled to [0, 1] or, with --encoder, on the "
        + "encoder's outputs, or with --layer the outputs of one of its layers (the code layer of a whole "
        + "autoencoder file); prints the accuracy and the time of each step. A .json config has no weights and "
        + "runs only with --random-weights.";
  }

  @Override
  public Options options() {
    return new Options()
        .addOption(DatasetArgument.option())
        .addOption(DatasetArgument.dataDirOption())
        .addOption(Opt.value("encoder", "MODEL", "An encoder (.keras or .h5) whose outputs are the features "
            + "(default: raw pixels)"))
        .addOption(Opt.value("k", "K", "Number of neighbours (default 7)"))
        .addOption(Opt.value("limit-train", "N", "Only the first N training images"))
        .addOption(Opt.value("limit-test", "N", "Only the first N test images"))
        .addOption(ModelFiles.layerOption("With --encoder: the features are this layer's outputs (e.g. the code "
            + "layer of a whole autoencoder) instead of the model's"))
        .addOption(ModelFiles.randomWeightsOption());
  }

  @Override
  public int run(Invocation call) {
    call.positionals();
    int k = call.integer("k", 7, 1);
    Integer limitTrain = call.integer("limit-train", null, 1);
    Integer limitTest = call.integer("limit-test", null, 1);
    Path encoderFile = call.path("encoder");
    PrintStream out = call.out();
    String layer = call.string("layer", null);
    if (layer != null && encoderFile == null) {
      throw new UsageException("--layer needs --encoder: it names a layer of the encoder's model");
    }
    Model loaded = encoderFile == null ? null : ModelFiles.loadForOutputs(call, encoderFile);
    Model sub = null;
    try {
      sub = loaded == null || layer == null ? null : ModelFiles.upTo(loaded, layer, encoderFile);
      Model encoder = sub != null ? sub : loaded;
      if (encoder != null) {
        Images.singleInputShape(encoder);
      }
      ImageDataset data = DatasetArgument.load(call);
      ByteNdArray xTrain = Images.first(data.xTrain(), limitTrain);
      ByteNdArray xTest = Images.first(data.xTest(), limitTest);
      int[] yTrain = Images.labels(Images.first(data.yTrain(), limitTrain));
      int[] yTest = Images.labels(Images.first(data.yTest(), limitTest));
      if (k > yTrain.length) {
        throw new IllegalArgumentException("--k " + k + " needs at least " + k + " training images, received "
            + yTrain.length);
      }
      long start = System.nanoTime();
      FloatNdArray fTrain = features(encoder, xTrain);
      FloatNdArray fTest = features(encoder, xTest);
      double encodeSeconds = seconds(start);
      long d = Images.perSample(fTrain);
      out.println(encoder == null
          ? "Features: raw pixels, " + d + " per image"
          : String.format(Locale.ROOT, "Features: %s outputs, %d per image (encoded in %.2f s)",
              (layer == null ? "" : "layer " + layer + " of ") + encoderFile.getFileName(), d, encodeSeconds));
      out.println("k=" + k + ", " + yTrain.length + " training and " + yTest.length + " test images of "
          + DatasetArgument.name(call));
      try (KNeighborsClassifier knn = new KNeighborsClassifier(k)) {
        start = System.nanoTime();
        knn.fit(fTrain, yTrain);
        double fitSeconds = seconds(start);
        start = System.nanoTime();
        double accuracy = knn.score(fTest, yTest);
        double predictSeconds = seconds(start);
        out.println(String.format(Locale.ROOT, "Accuracy: %.4f", accuracy));
        out.println(String.format(Locale.ROOT, "Time: fit %.2f s, predict %.2f s", fitSeconds, predictSeconds));
      }
    } finally {
      if (sub != null) {
        sub.close();
      }
      if (loaded != null) {
        loaded.close();
      }
    }
    return Main.OK;
  }

  private static FloatNdArray features(Model encoder, ByteNdArray images) {
    if (encoder == null) {
      return Np.asFloat32(images, 255.0);
    }
    return encoder.predict(Images.forModel(encoder, images), Fit.batchSize(256), Fit.verbose(0));
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
