package keras4j.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The figures draw in a JVM with no display and no {@code java.awt.headless} setting. */
class HeadlessFiguresTest {
  @TempDir
  Path dir;

  /** Draws one figure of each kind into the directory given, then prints whether AWT is headless. */
  public static void main(String[] args) {
    Path out = Path.of(args[0]);
    ImageGrid.builder().title("t").row("original", List.of(new float[] {0, 1, 2, 3}), 2, 2).write(out.resolve("g.png"));
    LinePlot.builder().title("loss").series("loss", List.of(0.5, 0.3, 0.2)).write(out.resolve("l.png"));
    HeatMap.confusionMatrix(new int[] {0, 1, 1}, new int[] {0, 1, 0}).write(out.resolve("h.png"));
    System.out.println("headless=" + GraphicsEnvironment.isHeadless());
  }

  @Test
  void drawsWithoutADisplay() throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder pb = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        HeadlessFiguresTest.class.getName(), dir.toString());
    pb.environment().remove("DISPLAY");
    pb.environment().remove("WAYLAND_DISPLAY");
    pb.redirectErrorStream(true);
    Process p = pb.start();
    byte[] output = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    String text = new String(output, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), text);
    assertTrue(text.contains("headless=true"), text);
    for (String f : List.of("g.png", "l.png", "h.png")) {
      assertTrue(Files.size(dir.resolve(f)) > 100, f);
      assertTrue(ImageGridTest.read(dir.resolve(f)).getWidth() > 0);
    }
  }
}
