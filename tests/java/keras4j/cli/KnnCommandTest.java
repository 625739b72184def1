package keras4j.cli;

import static keras4j.cli.CliFixtures.run;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class KnnCommandTest extends CommandTest {

  private static double accuracy(String out) {
    Matcher m = Pattern.compile("Accuracy: ([0-9.]+)").matcher(out);
    assertTrue(m.find(), out);
    return Double.parseDouble(m.group(1));
  }

  @Test
  void help() {
    String out = run("knn", "--help").succeeds().out();
    assertTrue(out.startsWith("Usage: keras4j knn [--dataset NAME] [--encoder MODEL [--layer NAME]] [--k K]"), out);
    assertTrue(out.contains("--limit-train <N>") && out.contains("--limit-test <N>"), out);
  }

  @Test
  void classifiesOnRawPixelsAndOnEncoderFeatures() {
    Path data = CliFixtures.tinyDataset(dir, 60, 20);
    CliFixtures.Run raw = run("knn", "--dataset", data.toString(), "--k", "3").succeeds();
    assertTrue(raw.out().contains("Features: raw pixels, 784 per image"), raw.out());
    assertTrue(raw.out().contains("k=3, 60 training and 20 test images of " + data), raw.out());
    assertTrue(raw.out().matches("(?s).*Time: fit [0-9.]+ s, predict [0-9.]+ s.*"), raw.out());
    assertTrue(accuracy(raw.out()) >= 0.5, "synthetic digits are easy on raw pixels:\n" + raw.out());

    Path encoder = CliFixtures.save(CliFixtures.denseEncoder(), dir.resolve("enc.keras"));
    CliFixtures.Run coded = run("knn", "--dataset", data.toString(), "--encoder", encoder.toString(),
        "--limit-train", "30", "--limit-test", "10").succeeds();
    assertTrue(coded.out().contains("Features: enc.keras outputs, 8 per image"), coded.out());
    assertTrue(coded.out().contains("k=7, 30 training and 10 test images"), coded.out());
    double a = accuracy(coded.out());
    assertTrue(a >= 0 && a <= 1, coded.out());
  }

  @Test
  void errors() {
    Path data = CliFixtures.tinyDataset(dir, 5, 2);
    run("knn", "--dataset", data.toString(), "--k", "0").failsWith(2, "--k expects an integer of at least 1");
    run("knn", "--dataset", data.toString()).failsWith(1, "--k 7 needs at least 7 training images, received 5");
    run("knn", "--dataset", data.toString(), "--encoder", dir.resolve("none.keras").toString())
        .failsWith(1, "no such file: ");
    run("knn", "--dataset", "svhn").failsWith(2, "unknown dataset 'svhn'");
    run("knn", "extra").failsWith(2, "expected no arguments, received 1: extra");
  }
}
