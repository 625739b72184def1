package keras4j.cli;

import static keras4j.cli.CliFixtures.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keras4j example}: lists the example ports 101-109, runs one by id or name in quick mode, refuses others. */
class ExampleCommandTest {
  @TempDir
  Path dir;

  @Test
  void helpAndListNameEveryPort() {
    String help = run("--help").succeeds().out();
    assertTrue(help.contains("example"), help);
    String out = run("example", "--help").succeeds().out();
    assertTrue(out.startsWith("Usage: keras4j example <id|name>"), out);
    List<String> ids = run("example", "--list").succeeds().out().lines().map(l -> l.split(" ")[0]).sorted().toList();
    assertEquals(List.of("101", "102", "103", "104", "105", "106", "107", "108", "109"), ids);
    for (String name : new String[] {"blog-simple-autoencoder", "blog-deep-autoencoder", "blog-conv-autoencoder",
        "blog-denoising-autoencoder", "blog-seq2seq-autoencoder", "blog-vae", "keras-io-vae", "keras-io-denoiser", "blog-sparse-autoencoder"}) {
      assertTrue(out.contains(name), name + " missing from\n" + out);
    }
  }

  @Test
  void runsAPortInQuickMode() throws Exception {
    Path out = dir.resolve("ex");
    CliFixtures.Run r = run("example", "blog-simple-autoencoder", "--quick", "--verbose", "0", "--out",
        out.toString()).succeeds();
    assertTrue(r.out().startsWith("Example 105 blog-simple-autoencoder"), r.out());
    assertTrue(r.out().contains("  simple: 50992 params, loss "), r.out());
    for (String png : new String[] {"seed105_simple.png", "seed105_simple_loss.png"}) {
      assertTrue(Files.isRegularFile(out.resolve(png)), png);
      assertTrue(ImageIO.read(out.resolve(png).toFile()).getWidth() > 100, png);
    }
  }

  @Test
  void refusesAnUnknownPort() {
    run("example", "1").failsWith(2, "unknown example '1', expected one of: 101 (blog-sparse-autoencoder)");
    run("example").failsWith(2, "expected 1 argument(s) <id|name>, received none");
  }
}
