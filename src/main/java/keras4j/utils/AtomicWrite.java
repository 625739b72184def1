package keras4j.utils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;

/**
 * Every file keras4j writes goes to a temporary file beside its target, which is renamed into place only when
 * complete: a failed write leaves an existing file intact and no partial file behind. The temporary file is
 * created with the process's default permissions (as the final file should be), not a private temp file's.
 */
public final class AtomicWrite {
  private static final SecureRandom RANDOM = new SecureRandom();

  private AtomicWrite() {}

  /** Writes a file's content to the given (not yet existing) path. */
  @FunctionalInterface
  public interface Writer {
    /** Writes the content into {@code temporary}, which is then renamed onto the target. */
    void write(Path temporary) throws IOException;
  }

  /** A fresh, not yet existing path in {@code target}'s directory. */
  public static Path temporarySibling(Path target) {
    Path abs = target.toAbsolutePath();
    return abs.resolveSibling("." + abs.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
  }

  /** Writes {@code target} through {@code writer}, atomically. */
  public static Path write(Path target, Writer writer) {
    Path abs = target.toAbsolutePath();
    Path tmp = temporarySibling(abs);
    try {
      Files.createDirectories(abs.getParent());
      writer.write(tmp);
      try {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + target + ": " + e.getMessage(), e);
    } finally {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // the original error, if any, is the one to report
      }
    }
  }
}
