package keras4j.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import keras4j.examples.CustomModelPorts;
import keras4j.examples.NotebookOptions;
import keras4j.examples.NotebookPort;
import keras4j.examples.NotebookResult;
import org.apache.commons.cli.Options;

/** {@code keras4j example}: runs one of the example ports beyond the five notebooks (ids 101 and up). */
final class ExampleCommand implements Command {
  private final Supplier<List<NotebookPort>> ports;

  ExampleCommand() {
    this(CustomModelPorts::all);
  }

  ExampleCommand(Supplier<List<NotebookPort>> ports) {
    this.ports = ports;
  }

  @Override
  public String name() {
    return "example";
  }

  @Override
  public String summary() {
    return "Run an example port: the Keras blog's autoencoders, keras.io's VAE and denoiser (101 and up)";
  }

  @Override
  public String usage() {
    return "example <id|name> [--epochs N] [--out DIR] [--quick] [--verbose N]";
  }

  @Override
  public String description() {
    StringBuilder list = new StringBuilder();
    for (NotebookPort p : ports.get()) {
      list.append(list.length() == 0 ? "" : ", ").append(p.id()).append(' ').append(p.name());
    }
    return "Runs the Java port of a Keras example program, chosen by id or name (" + list + "), writing its figures "
        + "to DIR. --quick trains on a subset of MNIST for one epoch (or --epochs N).";
  }

  @Override
  public Options options() {
    return new Options()
        .addOption(Opt.flag("list", "List the examples and exit"))
        .addOption(Opt.value("epochs", "N", "Epochs of every training, in place of the example's"))
        .addOption(Opt.value("out", "DIR", "Output directory (default out/<id>-<name>)"))
        .addOption(Opt.flag("quick", "One epoch on a subset of the data, for a fast check"))
        .addOption(Opt.verbose("Keras fit output"))
        .addOption(DatasetArgument.dataDirOption());
  }

  @Override
  public int run(Invocation call) {
    PrintStream out = call.out();
    List<NotebookPort> all = ports.get();
    if (call.has("list")) {
      call.positionals();
      for (NotebookPort p : all) {
        out.println(p.id() + "  " + p.name() + "  " + p.title());
      }
      return Main.OK;
    }
    NotebookPort port;
    try {
      port = NotebookCommand.find(all, call.positionals("<id|name>").get(0));
    } catch (UsageException e) {
      throw new UsageException(e.getMessage().replace("notebook", "example"));
    }
    Integer epochs = call.integer("epochs", null, 1);
    int verbose = call.integer("verbose", 1, 0);
    if (verbose > 2) {
      throw new UsageException("--verbose expects 0, 1 or 2, received " + verbose);
    }
    Path outDir = call.has("out") ? call.path("out") : Path.of("out", port.id() + "-" + port.name());
    out.println("Example " + port.id() + " " + port.name() + ": " + port.title());
    long start = System.nanoTime();
    NotebookResult result = NotebookCommand.withDataDir(call.path("data-dir"),
        () -> port.run(new NotebookOptions(outDir, epochs, call.has("quick"), verbose, out)));
    out.println(String.format(Locale.ROOT, "Done in %.1f s; output in %s", (System.nanoTime() - start) / 1e9,
        outDir));
    NotebookCommand.report(result, out);
    return Main.OK;
  }
}
