package keras4j.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * No source could provide a dataset; the message and {@link #attempts()} say where each source looked and why it
 * failed.
 */
public final class DatasetUnavailableException extends UncheckedIOException {
  /** Every source tried, in order, with why it failed. */
  private final List<Attempt> attempts;

  DatasetUnavailableException(String dataset, List<Attempt> attempts, List<Exception> failures) {
    super(message(dataset, attempts), cause(dataset, failures));
    this.attempts = List.copyOf(attempts);
  }

  /** Every source tried, in order, with why it failed. */
  public List<Attempt> attempts() {
    return attempts;
  }

  private static String message(String dataset, List<Attempt> attempts) {
    StringBuilder sb = new StringBuilder("Cannot load ").append(dataset).append(": ");
    if (attempts.isEmpty()) {
      return sb.append("no sources to try").toString();
    }
    sb.append("tried ").append(attempts.size()).append(attempts.size() == 1 ? " source" : " sources");
    for (int i = 0; i < attempts.size(); i++) {
      sb.append("\n  ").append(i + 1).append(". ").append(attempts.get(i));
    }
    return sb.toString();
  }

  private static IOException cause(String dataset, List<Exception> failures) {
    IOException cause = new IOException("every source of " + dataset + " failed");
    failures.forEach(cause::addSuppressed);
    return cause;
  }
}
