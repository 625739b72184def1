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
    return "reconstruct FILE --out GRID.png [--dataset NAME] [--n N]";
  }

  @Override
  public String description() {
    return "Runs the autoencoder in FILE (.keras or .h5) on the first N test images and draws two rows, as the "
        + "notebooks do: the originals, then the reconstructions.";
  }

  @Override
  public Options options() {
    return new Options()
        .addOption(DatasetArgument.option())
        .addOption(DatasetArgument.dataDirOption())
        .addOption(Opt.value("n", "N", "Number of images (default 10)"))
        .addOption(Opt.value("out", "GRID.png", "Where to write the figure (required)"));
  }

  @Override
  public int run(Invocation call) {
    Path file = Path.of(call.positionals("FILE").get(0));
    Path out = Path.of(call.required("out"));
    if (!out.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png")) {
      throw new UsageException("--out expects a file name ending in .png, received " + out);
    }
    int n = call.integer("n", 10, 1);
    try (Model model = ModelFiles.load(file)) {
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
      ImageGrid.builder()
          .title(file.getFileName() + " on " + DatasetArgument.name(call))
          .row("original", x, h, w)
          .row("reconstruction", y, h, w)
          .write(out.toAbsolutePath());
      call.out().println("Wrote " + out + ": " + images.shape().get(0) + " images and their reconstructions");
    }
    return Main.OK;
  }
}
