package keras4j.examples;

import java.nio.file.Path;
import java.util.List;

/**
 * The ports of custom-model examples (issue 11): the Keras blog's sparse autoencoder (101) and variational
 * autoencoder (102), keras.io's VAE (103) and Conv2DTranspose denoiser (104), the blog's simple (105), deep (106),
 * convolutional (107) and denoising (108) autoencoders. Each runs as the notebook ports do ({@link NotebookPort}); {@code main}
 * runs one: {@code CustomModelPorts <id|name> [outDir] [--quick] [--epochs N]}.
 */
public final class CustomModelPorts {
  private CustomModelPorts() {}

  /** Every example port, ids 101 to 108. */
  public static List<NotebookPort> all() {
    return List.of(new BlogSparseAutoencoder(), new BlogVae(), new KerasIoVae(), new KerasIoDenoiser(),
        new BlogSimpleAutoencoder(), new BlogDeepAutoencoder(), new BlogConvAutoencoder(),
        new BlogDenoisingAutoencoder(), new BlogSeq2SeqAutoencoder());
  }

  /** The port with this id ("101") or name ("blog-vae"). */
  public static NotebookPort find(String idOrName) {
    for (NotebookPort p : all()) {
      if (p.id().equals(idOrName) || p.name().equalsIgnoreCase(idOrName)) {
        return p;
      }
    }
    StringBuilder known = new StringBuilder();
    for (NotebookPort p : all()) {
      known.append(known.length() == 0 ? "" : ", ").append(p.id()).append(" (").append(p.name()).append(')');
    }
    throw new IllegalArgumentException("Unknown example \"" + idOrName + "\"; known examples: " + known);
  }

  public static void main(String[] args) {
    if (args.length == 0) {
      System.err.println("usage: CustomModelPorts <id|name> [outDir] [--quick] [--epochs N]");
      System.exit(2);
    }
    Path outDir = Path.of("out");
    boolean quick = false;
    Integer epochs = null;
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> quick = true;
        case "--epochs" -> epochs = Integer.parseInt(args[++i]);
        default -> outDir = Path.of(args[i]);
      }
    }
    NotebookResult r = find(args[0]).run(new NotebookOptions(outDir, epochs, quick, 1, System.out));
    r.runs().forEach((k, v) -> System.out.println("# " + k + ": loss " + v.loss() + " val_loss " + v.valLoss()
        + " s/epoch " + v.secondsPerEpoch()));
    r.numbers().forEach((k, v) -> System.out.println("# " + k + " = " + v));
  }
}
