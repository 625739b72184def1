package keras4j.cli;

import static keras4j.cli.CliFixtures.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import keras4j.datasets.Npz;
import keras4j.layers.Dense;
import keras4j.layers.Input;
import keras4j.layers.KerasTensor;
import keras4j.models.Fit;
import keras4j.models.Model;
import keras4j.models.Models;
import keras4j.utils.Np;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * The command line's edges: {@code --layer} for features, JSON configs refused without {@code --random-weights},
 * verify files written by {@code predict --save-verify}, {@code .weights.h5} in {@code convert}, {@code bench}'s
 * usage errors, JSON errors naming the file.
 */
class CliEdgesTest extends CommandTest {
  /** A whole 784-8-784 autoencoder whose code layer is named "code". */
  private static Model autoencoder() {
    KerasTensor in = Input.shape(784);
    KerasTensor code = new Dense(8, "relu").name("code").apply(in);
    return new Model(in, new Dense(784, "sigmoid").name("decoded").apply(code));
  }

  private static float[] codes(Model ae, Path data, int n) {
    FloatNdArray images = Np.reshape(Np.asFloat32(Npz.read(data).get("x_test"), 255.0), -1, 784);
    try (Model encoder = new Model(ae.inputs(), java.util.List.of(ae.getLayer("code").inboundNodes().get(0).outputs().get(0)))) {
      return Np.toFloatArray(encoder.predict(Np.rows(images, 0, n), Fit.verbose(0)));
    }
  }

  @Test
  void predictWritesTheCodesOfANamedLayer() throws Exception {
    Path data = CliFixtures.tinyDataset(dir, 12, 6);
    Model ae = autoencoder();
    Path file = CliFixtures.save(ae, dir.resolve("ae.keras"));
    Path out = dir.resolve("codes.npy");
    String printed = run("predict", file.toString(), "--layer", "code", "--dataset", data.toString(), "--out",
        out.toString()).succeeds().out();
    assertTrue(printed.contains("float32 (6, 8), the output of layer code of ae.keras"), printed);
    float[][] values = new float[1][];
    assertArrayEquals(new long[] {6, 8}, CliFixtures.readNpy(out, values));
    assertArrayEquals(codes(ae, data, 6), values[0], 1e-6f);

    run("predict", file.toString(), "--layer", "nope", "--dataset", data.toString(), "--out", out.toString())
        .failsWith(2, "--layer nope: no such layer in " + file + "; its layers are [");
  }

  @Test
  void knnOnTheCodeLayerOfAWholeAutoencoder() {
    Path data = CliFixtures.tinyDataset(dir, 20, 10);
    Path file = CliFixtures.save(autoencoder(), dir.resolve("ae.h5"));
    String whole = run("knn", "--encoder", file.toString(), "--dataset", data.toString(), "--k", "3").succeeds().out();
    assertTrue(whole.contains("Features: ae.h5 outputs, 784 per image"), whole);
    String code = run("knn", "--encoder", file.toString(), "--layer", "code", "--dataset", data.toString(), "--k", "3")
        .succeeds().out();
    assertTrue(code.contains("Features: layer code of ae.h5 outputs, 8 per image"), code);
    run("knn", "--layer", "code", "--dataset", data.toString()).failsWith(2, "--layer needs --encoder");
  }

  @Test
  void reconstructDrawsTheCodesBetweenTheRows() throws Exception {
    Path data = CliFixtures.tinyDataset(dir, 4, 4);
    Path file = CliFixtures.save(autoencoder(), dir.resolve("ae.keras"));
    Path plain = dir.resolve("plain.png");
    Path withCodes = dir.resolve("codes.png");
    run("reconstruct", file.toString(), "--dataset", data.toString(), "--n", "4", "--out", plain.toString()).succeeds();
    run("reconstruct", file.toString(), "--dataset", data.toString(), "--n", "4", "--layer", "code", "--out",
        withCodes.toString()).succeeds();
    BufferedImage a = ImageIO.read(plain.toFile());
    BufferedImage b = ImageIO.read(withCodes.toFile());
    assertTrue(b.getHeight() > a.getHeight(), "a third row: " + a.getHeight() + " vs " + b.getHeight());
    assertArrayEquals(new int[] {2, 4}, ReconstructCommand.codeShape(8));
    assertArrayEquals(new int[] {8, 16}, ReconstructCommand.codeShape(128));
    assertArrayEquals(new int[] {1, 7}, ReconstructCommand.codeShape(7));
  }

  @Test
  void aJsonConfigRunsOnlyWithRandomWeights() throws Exception {
    Path data = CliFixtures.tinyDataset(dir, 12, 4);
    Path json = dir.resolve("ae.json");
    Files.writeString(json, autoencoder().toJson());
    String hint = "is a JSON config without weights";
    run("predict", json.toString(), "--dataset", data.toString(), "--out", dir.resolve("y.npy").toString())
        .failsWith(2, hint);
    run("reconstruct", json.toString(), "--dataset", data.toString(), "--out", dir.resolve("r.png").toString())
        .failsWith(2, hint);
    run("knn", "--encoder", json.toString(), "--dataset", data.toString(), "--k", "3").failsWith(2, hint);
    assertFalse(Files.exists(dir.resolve("y.npy")));
    run("predict", json.toString(), "--random-weights", "--dataset", data.toString(), "--out",
        dir.resolve("y.npy").toString()).succeeds();
    run("knn", "--encoder", json.toString(), "--layer", "code", "--random-weights", "--dataset", data.toString(),
        "--k", "3").succeeds();
  }

  @Test
  void predictWritesAVerifyFileThatVerifyAccepts() {
    Path data = CliFixtures.tinyDataset(dir, 4, 5);
    Path file = CliFixtures.save(autoencoder(), dir.resolve("ae.h5"));
    Path io = dir.resolve("io.h5");
    String printed = run("predict", file.toString(), "--dataset", data.toString(), "--save-verify", io.toString())
        .succeeds().out();
    assertTrue(printed.contains("Wrote " + io + ": 5 test images"), printed);
    String ok = run("verify", file.toString(), io.toString()).succeeds().out();
    assertTrue(ok.contains("PASS: ae.h5 against io.h5, 1 output(s)"), ok);
    Path other = CliFixtures.save(autoencoder(), dir.resolve("other.h5"));
    CliFixtures.Run bad = run("verify", other.toString(), io.toString());
    assertEquals(1, bad.code(), bad.out() + bad.err());
    assertTrue(bad.out().contains("FAIL"), bad.out());
    run("predict", file.toString(), "--dataset", data.toString(), "--save-verify", dir.resolve("io.txt").toString())
        .failsWith(2, "--save-verify expects a file name ending in .h5");
    run("predict", file.toString(), "--dataset", data.toString()).failsWith(2, "missing required option --out");
  }

  @Test
  void convertWritesAndReadsKeras3Weights() throws Exception {
    Model ae = autoencoder();
    Path h5 = CliFixtures.save(ae, dir.resolve("ae.h5"));
    Path json = dir.resolve("ae.json");
    Files.writeString(json, ae.toJson());
    Path weights = dir.resolve("x.weights.h5");
    run("convert", h5.toString(), weights.toString()).succeeds();
    Path back = dir.resolve("back.keras");
    run("convert", weights.toString(), back.toString()).failsWith(2, "holds only weights");
    run("convert", weights.toString(), back.toString(), "--config", json.toString()).succeeds();
    try (Model loaded = Models.load(back)) {
      for (int i = 0; i < ae.getWeights().size(); i++) {
        assertArrayEquals(Np.toFloatArray(ae.getWeights().get(i)), Np.toFloatArray(loaded.getWeights().get(i)));
      }
    }
    run("convert", weights.toString(), back.toString(), "--config", h5.toString())
        .failsWith(2, "--config expects the model's .json config");
  }

  @Test
  void benchListsItsOptionsAndRejectsUnknownOnesWithStatus2() {
    String help = run("bench", "--help").succeeds().out();
    for (String option : new String[] {"--models", "--epochs", "--samples", "--data", "--no-bare", "--no-peer",
        "--skip-train", "--predict", "--files", "--knn", "--memory", "--all", "--profile"}) {
      assertTrue(help.contains(option), option + " missing from:\n" + help);
    }
    run("bench", "--frob").failsWith(2, "keras4j bench: unknown option '--frob'");
    run("bench", "--epochs", "x").failsWith(2, "--epochs expects an integer, received 'x'");
    run("bench", "--epochs").failsWith(2, "--epochs expects a value");
    run("bench", "--models", "M9").failsWith(2, "--models expects names among [M1, M2, M3, M4]");
    run("bench", "--data", "cifar").failsWith(2, "--data expects mnist or synthetic");
  }

  @Test
  void jsonErrorsNameTheFileAndNotJacksonsSource() throws Exception {
    Path truncated = dir.resolve("trunc.json");
    Files.writeString(truncated, "{\"class_name\": \"Sequential\", \"config\": {\"layers\": [");
    Path list = dir.resolve("list.json");
    Files.writeString(list, "[1, 2]");
    for (String[] args : new String[][] {{"summary", truncated.toString()},
        {"convert", truncated.toString(), dir.resolve("x.keras").toString()},
        {"predict", truncated.toString(), "--random-weights", "--out", dir.resolve("y.npy").toString()}}) {
      CliFixtures.Run r = run(args).failsWith(1, "Invalid JSON in " + truncated + " (line 1, column ");
      assertFalse(r.err().contains("Source"), r.err());
      assertFalse(r.err().contains("REDACTED"), r.err());
    }
    run("summary", list.toString()).failsWith(1, "Expected a JSON object in " + list);
  }
}
