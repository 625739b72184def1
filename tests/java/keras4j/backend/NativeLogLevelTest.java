package keras4j.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import keras4j.layers.Dense;
import keras4j.layers.Input;
import keras4j.layers.KerasTensor;
import keras4j.models.Fit;
import keras4j.models.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;

/**
 * What the README says about TensorFlow's native log lines: TensorFlow reads {@code TF_CPP_MIN_LOG_LEVEL} from the
 * process environment when its library loads, so the variable set before the JVM starts hides the info lines
 * (oneDNN, CPU instructions, MLIR) and nothing else is needed; without it they appear.
 */
class NativeLogLevelTest {
  /** The child process: one small model, one predict. */
  public static void main(String[] args) {
    KerasTensor in = Input.shape(4);
    try (Model m = new Model(in, new Dense(2, "relu").apply(in))) {
      m.predict(NdArrays.ofFloats(Shape.of(3, 4)), Fit.verbose(0));
    }
    System.out.println("done");
  }

  private static String stderrOf(String level, Path dir) throws Exception {
    Path err = dir.resolve("err-" + level + ".txt");
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), NativeLogLevelTest.class.getName());
    pb.environment().remove("TF_CPP_MIN_LOG_LEVEL");
    if (level != null) {
      pb.environment().put("TF_CPP_MIN_LOG_LEVEL", level);
    }
    Process p = pb.redirectError(err.toFile()).redirectOutput(dir.resolve("out.txt").toFile()).start();
    assertTrue(p.waitFor(3, TimeUnit.MINUTES), "the child JVM did not finish");
    assertEquals(0, p.exitValue(), Files.readString(err));
    assertEquals(List.of("done"), Files.readAllLines(dir.resolve("out.txt")));
    return Files.readString(err);
  }

  @Test
  void theEnvironmentVariableHidesTheInfoLines(@TempDir Path dir) throws Exception {
    String quiet = stderrOf("1", dir);
    assertFalse(quiet.contains("] oneDNN custom operations") || quiet.contains(" I tensorflow/"), quiet);
    String loud = stderrOf(null, dir);
    assertTrue(loud.contains(" I tensorflow/"), "TensorFlow printed no info line without the variable; the README's "
        + "account of native logs is out of date:\n" + loud);
  }
}
