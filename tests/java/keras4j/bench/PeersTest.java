package keras4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench's Keras peers: skipped cleanly without a venv, clear errors, their JSON lines read back. */
class PeersTest {
  @TempDir
  Path home;
  private String savedHome;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  @BeforeEach
  void setHome() {
    savedHome = System.getProperty("keras4j.home");
    System.setProperty("keras4j.home", home.toString());
  }

  @AfterEach
  void restoreHome() {
    if (savedHome == null) {
      System.clearProperty("keras4j.home");
    } else {
      System.setProperty("keras4j.home", savedHome);
    }
  }

  private String printed() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void kerasPeersSkipWithAMessageWhenThereIsNoVenv() {
    Assumptions.assumeTrue(System.getenv("KERAS4J_BENCH_KERAS_PYTHON") == null,
        "KERAS4J_BENCH_KERAS_PYTHON names an interpreter here");
    Peers p = new Peers(null, false, true, out);
    assertFalse(p.hasKeras());
    assertTrue(printed().contains("Keras peers skipped") && printed().contains("--with-keras"), printed());
    assertNull(p.kerasEpochs("tensorflow", "M1", 2, 100));
    assertEquals(List.of(), p.kerasInference("jax", List.of("M2"), 10, 10));
  }

  @Test
  void noKerasMeansNoLookupAtAll() {
    Peers p = new Peers(null, false, false, out);
    assertFalse(p.hasKeras());
    assertEquals("", printed());
  }

  @Test
  void aMissingInterpreterIsAClearError() {
    Path missing = home.resolve("nope/bin/python");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Peers(missing.toString(), false,
        true, out));
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
  }

  @Test
  void readsAPeersJsonLinesAndReportsItsFailure() throws Exception {
    Path data = keras4j.datasets.DatasetLoader.defaultCacheDir().resolve("mnist.npz");
    Assumptions.assumeTrue(Files.exists(data), "needs " + data);
    Files.createDirectories(home.resolve("bench"));
    Files.writeString(home.resolve("bench/peer_keras.py"), "");
    Path fake = home.resolve("fake-python");
    Files.writeString(fake, "#!/bin/sh\n"
        + "echo 'noise on the way'\n"
        + "echo '{\"kind\": \"train\", \"model\": \"M1\", \"epoch_seconds\": [3.0, 1.5, 1.25]}'\n"
        + "echo \"backend $KERAS_BACKEND\" >&2\n"
        + "exit 3\n");
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
    Peers p = new Peers(fake.toString(), false, true, out);
    assertEquals(List.of(3.0, 1.5, 1.25), p.kerasEpochs("jax", "M1", 3, 100));
    assertTrue(printed().contains("Keras-jax peer failed") && printed().contains("backend jax"), printed());
    assertNull(p.kerasEpochs("jax", "M2", 3, 100), "a model the peer did not report");
  }
}
