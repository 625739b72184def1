package keras4j.cli;

import java.nio.file.Path;
import keras4j.datasets.ImageDataset;
import keras4j.models.Fit;
import keras4j.models.Model;
import keras4j.plot.ImageGrid;
import org.apache.commons.cli.Options;
import org.tensorflow.ndarray.ByteNdArray;
import org.tensorflow.ndarray.FloatNdArray;

/** {@code keras4j reconstruct}: a PNG of test images (top row) and the autoencoder's reconstructions (bottom). */
final class ReconstructCommand implements Command {
  @Override
  public String name() {
    return "reconstruct";
  }

  @Override
  public String summary() {
    return "Draw test images and an autoencoder's reconstructions to a PNG";
  }

  @Override
  public String usage() {
    return "reconstruct FILE --out GRID.png [--dataset NAME] [--n N] [--layer NAME]";
  }

  @Override
  public String description() {
    return "Runs the autoencoder in FILE (.keras or .h5) on the first N test images and draws two rows, as the "
        + "notebooks do: the originals, then the reconstructions; with --layer, a middle row draws that layer's "
        + "output (the codes) as small images. A .json config has no weights and runs only with --random-weights.";
  }

  @Override
  public Options options() {
    return new Options()
        .addOption(DatasetArgument.option())
        .addOption(DatasetArgument.dataDirOption())
        .addOption(Opt.value("n", "N", "Number of images (default 10)"))
        .addOption(Opt.value("out", "GRID.png", "Where to write the figure (required)"))
        .addOption(ModelFiles.layerOption("Also draw this layer's output (e.g. the code layer) between the rows"))
        .addOption(ModelFiles.randomWeightsOption());
  }

  @Override
  public int run(Invocation call) {
    Path file = Path.of(call.positionals("FILE").get(0));
    Path out = Path.of(call.required("out"));
    if (!out.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png")) {
      throw new UsageException("--out expects a file name ending in .png, received " + out);
    }
    int n = call.integer("n", 10, 1);
    String layer = call.string("layer", null);
    try (Model model = ModelFiles.loadForOutputs(call, file);
        Model codes = layer == null ? null : ModelFiles.upTo(model, layer, file)) {
      Images.singleInputShape(model);
      ImageDataset data = DatasetArgument.load(call);
      ByteNdArray images = Images.first(data.xTest(), n);
      int h = (int) images.shape().get(1);
      int w = (int) images.shape().get(2);
      FloatNdArray x = Images.forModel(model, images);
      FloatNdArray y = model.predict(x, Fit.verbose(0));
      if (Images.perSample(y) != (long) h * w) {
        throw new IllegalArgumentException("reconstruct draws the model's output as " + h + "x" + w + " images: "
            + "expected " + h * w + " values per image, received " + keras4j.backend.Shapes.format(
            y.shape().asArray()));
      }
      ImageGrid.Builder grid = ImageGrid.builder()
          .title(file.getFileName() + " on " + DatasetArgument.name(call))
          .row("original", x, h, w);
      if (codes != null) {
        FloatNdArray c = codes.predict(x, Fit.verbose(0));
        int[] hw = codeShape(Images.perSample(c));
        grid.row(layer, c, hw[0], hw[1]);
      }
      grid.row("reconstruction", y, h, w)
          .write(out.toAbsolutePath());
      call.out().println("Wrote " + out + ": " + images.shape().get(0) + " images and their reconstructions");
    }
    return Main.OK;
  }

  /** The most nearly square rows x columns holding {@code n} values (8 -> 2x4, 32 -> 4x8, 128 -> 8x16). */
  static int[] codeShape(long n) {
    int rows = (int) Math.floor(Math.sqrt(n));
    while (n % rows != 0) {
      rows--;
    }
    return new int[] {rows, (int) (n / rows)};
  }
}
