package keras4j.saving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import keras4j.models.Model;
import keras4j.models.Models;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A compiled model Keras saved before training stores only {@code iterations} (0) and {@code learning_rate} as its
 * optimizer state: it loads compiled, with the saved optimizer settings, and without a warning about that state.
 */
class UntrainedOptimizerStateTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({"compiled_adam_bce, adam, 0.002", "compiled_rmsprop_cce, rmsprop, 0.003",
      "compiled_nadam_mse, nadam, 0.003"})
  void loadsCompiledWithoutWarning(String fixture, String optimizer, double lr) throws Exception {
    Path file = Path.of("tests/keras-fixtures/core", fixture, "model.keras");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(file), "fixture " + file + " is part of the repository");
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    Model m;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      m = Models.load(file);
    } finally {
      System.setErr(err);
    }
    String printed = captured.toString(StandardCharsets.UTF_8);
    assertFalse(printed.contains("optimizer state"), printed);
    assertNotNull(m.optimizer(), "compiled");
    assertEquals(optimizer, m.optimizer().name().toLowerCase());
    assertEquals(lr, m.optimizer().learningRate(), 1e-7);
    m.close();
  }
}
