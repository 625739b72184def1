package keras4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import keras4j.backend.Shapes;
import keras4j.datasets.ImageDataset;
import keras4j.models.Fit;
import keras4j.models.Model;
import org.apache.commons.cli.Options;
import org.tensorflow.ndarray.ByteNdArray;
import org.tensorflow.ndarray.FloatNdArray;

/** {@code keras4j predict}: runs a model on dataset images and writes its output as a float32 {@code .npy}. */
final class PredictCommand implements Command {
  @Override
  public String name() {
    return "predict";
  }

  @Override
  public String summary() {
    return "Run a model on dataset images and write the output as float32 .npy";
  }

  @Override
  public String usage() {
    return "predict FILE --out OUT.npy [--layer NAME] [--save-verify IO.h5] [--dataset NAME] [options]";
  }

  @Override
  public String description() {
    return "Runs the model in FILE (.keras or .h5) on the test images (or --split train) scaled to [0, 1], and "
        + "writes its output, e.g. reconstructions, or with --layer the output of one layer, e.g. an autoencoder's "
        + "codes, as a float32 .npy file (numpy.load reads it). --save-verify writes the images and the whole "
        + "model's outputs as an inputs-and-outputs file for 'keras4j verify'. A .json config has no weights and "
        + "runs only with --random-weights.";
  }

  @Override
  public Options options() {
    return new Options()
        .addOption(DatasetArgument.option())
        .addOption(DatasetArgument.dataDirOption())
        .addOption(Opt.value("split", "test|train", "Which images (default test)"))
        .addOption(Opt.value("limit", "N", "Only the first N images"))
        .addOption(Opt.value("batch-size", "N", "Batch size (default 32)"))
        .addOption(Opt.value("verbose", "0|1", "Progress bar: 0 none, 1 shown (default 0)"))
        .addOption(Opt.value("out", "OUT.npy", "Where to write the output (required unless --save-verify)"))
        .addOption(ModelFiles.layerOption("Write this layer's output (e.g. the code layer of an autoencoder) instead "
            + "of the model's"))
        .addOption(Opt.value("save-verify", "IO.h5", "Also write the images and the whole model's outputs for "
            + "'keras4j verify FILE IO.h5'"))
        .addOption(ModelFiles.randomWeightsOption());
  }

  @Override
  public int run(Invocation call) {
    Path file = Path.of(call.positionals("FILE").get(0));
    Path verifyFile = call.path("save-verify");
    Path out = verifyFile == null ? Path.of(call.required("out")) : call.path("out");
    if (verifyFile != null && !verifyFile.getFileName().toString().endsWith(".h5")) {
      throw new UsageException("--save-verify expects a file name ending in .h5, received " + verifyFile);
    }
    if (out != null && !out.toString().endsWith(".npy")) {
      throw new UsageException("--out expects a file name ending in .npy, received " + out);
    }
    String split = call.string("split", "test");
    if (!split.equals("test") && !split.equals("train")) {
      throw new UsageException("--split expects test or train, received '" + split + "'");
    }
    Integer limit = call.integer("limit", null, 1);
    int batchSize = call.integer("batch-size", 32, 1);
    List<Fit.Option> options = new ArrayList<>(List.of(Fit.batchSize(batchSize)));
    options.addAll(Arrays.asList(ProgressOutput.options(call.integer("verbose", 0, 0), call.out())));
    String layer = call.string("layer", null);
    try (Model whole = ModelFiles.loadForOutputs(call, file);
        Model model = layer == null ? null : ModelFiles.upTo(whole, layer, file)) {
      run(call, file, whole, model == null ? whole : model, layer, out, verifyFile, split, limit, options);
    }
    return Main.OK;
  }

  private static void run(Invocation call, Path file, Model whole, Model model, String layer, Path out,
      Path verifyFile, String split, Integer limit, List<Fit.Option> options) {
    Images.singleInputShape(model);
    if (out != null && model.outputs().size() != 1) {
      throw new IllegalArgumentException("predict writes one .npy: expected a model with one output, received "
          + model.outputs().size() + " outputs");
    }
    ImageDataset data = DatasetArgument.load(call);
    ByteNdArray images = split.equals("test") ? data.xTest() : data.xTrain();
    FloatNdArray x = Images.forModel(model, Images.first(images, limit));
    if (out != null) {
      FloatNdArray y = model.predict(x, options.toArray(Fit.Option[]::new));
      keras4j.utils.NpyWriter.save(out, y);
      call.out().println("Wrote " + out + ": float32 " + Shapes.format(y.shape().asArray()) + ", the output of "
          + (layer == null ? "" : "layer " + layer + " of ") + file.getFileName() + " on " + x.shape().get(0) + " "
          + split + " images of " + DatasetArgument.name(call));
    }
    if (verifyFile != null) {
      keras4j.saving.SelfCheck.write(whole, List.of(x), verifyFile);
      call.out().println("Wrote " + verifyFile + ": " + x.shape().get(0) + " " + split + " images and the outputs of "
          + file.getFileName() + "; check with: keras4j verify " + file + " " + verifyFile);
    }
  }
}
