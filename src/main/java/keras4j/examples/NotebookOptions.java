package keras4j.examples;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * How to run a notebook port. {@code epochs} overrides the notebook's epoch counts when not null; {@code quick}
 * trains one epoch on a subset (for CI); {@code verbose} is Keras's fit verbosity.
 */
public record NotebookOptions(Path outDir, Integer epochs, boolean quick, int verbose, PrintStream out) {
  /** Requires an output directory and at least one epoch when given. */
  public NotebookOptions {
    if (outDir == null) {
      throw new IllegalArgumentException("A notebook needs an output directory");
    }
    if (epochs != null && epochs < 1) {
      throw new IllegalArgumentException("epochs must be at least 1, received " + epochs);
    }
    if (out == null) {
      out = System.out;
    }
  }

  /** The notebook's epoch count, or the override, or 1 in quick mode. */
  public int epochs(int notebookEpochs) {
    if (epochs != null) {
      return epochs;
    }
    return quick ? 1 : notebookEpochs;
  }
}
