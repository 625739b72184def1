package keras4j.datasets;

import java.nio.file.Path;
import java.util.List;

/** A loaded dataset with the sources tried, in order; the last one is the source that provided it. */
public record LoadReport(ImageDataset dataset, List<Attempt> attempts, Path cacheDir) {
  /** Keeps an unmodifiable copy of the attempts. */
  public LoadReport {
    attempts = List.copyOf(attempts);
  }

  /** The name of the source that provided the data, such as {@code keras-cache} or {@code npm}. */
  public String source() {
    return attempts.get(attempts.size() - 1).source();
  }
}
