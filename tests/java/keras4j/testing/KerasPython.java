package keras4j.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real Python Keras (the pinned keras 3.15.1 on tensorflow-cpu 2.21.0) as the tests' oracle. Found through
 * {@code KERAS4J_KERAS_PYTHON}, else {@code target/keras-venv/bin/python} (what {@code .ci/run} creates). Without
 * it a test is skipped with a message saying how to enable it; with {@code CI=true} it fails instead.
 */
public final class KerasPython {
  private KerasPython() {}

  /** The Python interpreter that has Keras, or a skip (a failure under CI). */
  public static Path python() {
    String env = System.getenv("KERAS4J_KERAS_PYTHON");
    Path p = env != null && !env.isBlank() ? Path.of(env) : Path.of("target", "keras-venv", "bin", "python");
    if (!Files.isExecutable(p)) {
      String how = "Python Keras is not installed: run `python3 -m venv target/keras-venv && target/keras-venv/bin/pip"
          + " install --retries 0 keras==3.15.1 tensorflow-cpu==2.21.0 h5py` (what .ci/run does) or set"
          + " KERAS4J_KERAS_PYTHON; looked for " + p.toAbsolutePath();
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException("CI=true but " + how);
      }
      assumeTrue(false, "Skipped: " + how);
    }
    return p;
  }

  /**
   * Runs a Python script with arguments under the Keras interpreter and returns its standard output; a non-zero exit
   * or a time-out fails with the script's standard error.
   */
  public static String run(Path script, long timeoutSeconds, String... args) {
    return start(script, args).finish(timeoutSeconds);
  }

  /**
   * A Python script under the Keras interpreter reading lines from its standard input while the caller still writes
   * them, so the test's Java work and Keras's run side by side; {@link #finish} returns its standard output.
   */
  public static final class Pipe {
    private final Process proc;
    private final Path script;
    private final Path err;
    private final java.io.Writer in;
    private final java.util.concurrent.CompletableFuture<byte[]> out;

    private Pipe(Path script, Process proc, Path err) {
      this.script = script;
      this.proc = proc;
      this.err = err;
      this.in = new java.io.BufferedWriter(new java.io.OutputStreamWriter(proc.getOutputStream(),
          StandardCharsets.UTF_8));
      this.out = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
        try {
          return proc.getInputStream().readAllBytes();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }

    /** Sends one line to the script. */
    public void send(String line) {
      try {
        in.write(line);
        in.write('\n');
        in.flush();
      } catch (IOException e) {
        throw new AssertionError(script + " stopped reading its input: " + e + "\n" + stderr());
      }
    }

    /** Closes the script's input and waits for it; a non-zero exit or a time-out fails with its standard error. */
    public String finish(long timeoutSeconds) {
      try {
        in.close();
        if (!proc.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
          proc.destroyForcibly();
          throw new AssertionError(script + " timed out after " + timeoutSeconds + " s");
        }
        if (proc.exitValue() != 0) {
          throw new AssertionError(script + " exited with " + proc.exitValue() + ":\n" + stderr());
        }
        return new String(out.join(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } finally {
        try {
          Files.deleteIfExists(err);
        } catch (IOException ignored) {
          // a temp file
        }
      }
    }

    private String stderr() {
      try {
        return Files.readString(err);
      } catch (IOException e) {
        return "(no standard error: " + e + ")";
      }
    }
  }

  /** Starts a script under the Keras interpreter that reads lines from its standard input (see {@link Pipe}). */
  public static Pipe start(Path script, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(python().toString());
    cmd.add(script.toString());
    cmd.addAll(List.of(args));
    try {
      Path err = Files.createTempFile("keras-python", ".err");
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(err.toFile());
      pb.environment().put("TF_CPP_MIN_LOG_LEVEL", "3");
      pb.environment().putIfAbsent("KERAS_BACKEND", "tensorflow");
      return new Pipe(script, pb.start(), err);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
