package keras4j.cli;

import static keras4j.cli.CliFixtures.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import keras4j.models.Fit;
import keras4j.models.Model;
import keras4j.models.Models;
import keras4j.testing.SyntheticDigits;
import keras4j.utils.Np;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.FloatNdArray;

class ConvertCommandTest extends CommandTest {

  @Test
  void help() {
    String out = run("convert", "--help").succeeds().out();
    assertTrue(out.startsWith("Usage: keras4j convert IN OUT [--keras2]"), out);
  }

  @Test
  void convertsBetweenKerasH5AndJson() throws Exception {
    Model model = CliFixtures.denseAutoencoder();
    FloatNdArray x = SyntheticDigits.flat(3, 7);
    float[] expected = Np.toFloatArray(model.predict(x, Fit.verbose(0)));
    Path keras = CliFixtures.save(model, dir.resolve("ae.keras"));
    Path h5 = dir.resolve("out/ae.h5");
    Path back = dir.resolve("back.keras");
    assertTrue(run("convert", keras.toString(), h5.toString()).succeeds().out().contains("Wrote " + h5));
    run("convert", h5.toString(), back.toString()).succeeds();
    for (Path p : new Path[] {h5, back}) {
      try (Model m = Models.load(p)) {
        assertArrayEquals(expected, Np.toFloatArray(m.predict(x, Fit.verbose(0))), 0f, p.toString());
      }
    }
    Path json = dir.resolve("ae.json");
    run("convert", h5.toString(), json.toString()).succeeds();
    assertEquals(model.toJson(), Files.readString(json));
    Path json2 = dir.resolve("ae2.json");
    run("convert", keras.toString(), json2.toString(), "--keras2").succeeds();
    assertTrue(Files.readString(json2).contains("\"keras_version\""), Files.readString(json2));

    Path fresh = dir.resolve("fresh.keras");
    CliFixtures.Run r = run("convert", json.toString(), fresh.toString()).succeeds();
    assertTrue(r.err().contains("holds freshly initialised weights"), r.err());
    try (Model m = Models.load(fresh)) {
      assertEquals(model.countParams(), m.countParams());
    }
  }

  @Test
  void errors() {
    Path keras = CliFixtures.save(CliFixtures.denseAutoencoder(), dir.resolve("ae.keras"));
    run("convert", keras.toString()).failsWith(2, "expected 2 argument(s) IN OUT, received 1: ");
    run("convert", keras.toString(), dir.resolve("ae.onnx").toString())
        .failsWith(2, "expected a name ending in .keras, .h5, .weights.h5 or .json");
    run("convert", keras.toString(), keras.toString()).failsWith(2, "IN and OUT are the same file");
    run("convert", dir.resolve("none.h5").toString(), dir.resolve("x.keras").toString())
        .failsWith(1, "no such file: ");
  }
}
