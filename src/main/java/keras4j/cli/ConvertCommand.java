package keras4j.cli;

import java.nio.file.Path;
import java.util.List;
import keras4j.models.Model;
import org.apache.commons.cli.Options;

/** {@code keras4j convert IN OUT}: rewrites a model in another format, chosen by OUT's extension. */
final class ConvertCommand implements Command {
  @Override
  public String name() {
    return "convert";
  }

  @Override
  public String summary() {
    return "Convert a model between .keras, .h5 and .json config";
  }

  @Override
  public String usage() {
    return "convert IN OUT [--keras2] [--config CONFIG.json]";
  }

  @Override
  public String description() {
    return "Loads IN (.keras, .h5 or .json; a weights file, .weights.h5 or a save_weights .h5, with --config) and "
        + "saves it as OUT; the extension of OUT chooses the format: .keras (Keras 3 archive), .weights.h5 (Keras 3 "
        + "weights, model.save_weights), .h5 (legacy HDF5 full model) or .json (model.to_json(), no weights). A .json "
        + "IN has no weights: OUT gets freshly initialised ones.";
  }

  @Override
  public Options options() {
    return new Options().addOption(Opt.flag("keras2", "Write a .json config in tf.keras 2.x's dialect instead of "
        + "Keras 3's"))
        .addOption(Opt.value("config", "CONFIG.json", "The model's .json config, when IN holds only weights"));
  }

  @Override
  public int run(Invocation call) {
    List<String> args = call.positionals("IN", "OUT");
    Path in = Path.of(args.get(0));
    Path out = Path.of(args.get(1));
    ModelFiles.checkTarget(out, true);
    if (in.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
      throw new UsageException("IN and OUT are the same file: " + in);
    }
    try (Model model = ModelFiles.load(in, call.path("config"))) {
      if (ModelFiles.isJson(in) && !ModelFiles.isJson(out)) {
        call.err().println("note: " + in + " is a config without weights; " + out + " holds freshly initialised "
            + "weights");
      }
      ModelFiles.save(model, out, call.has("keras2"));
    }
    call.out().println("Wrote " + out);
    return Main.OK;
  }
}
