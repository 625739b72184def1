package keras4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import keras4j.plot.ImageGrid;

/** A port run in quick mode into a directory, with what it printed, and the checks every port's test makes. */
final class QuickRun {
  /** Size of matplotlib's default figure, which LinePlot keeps. */
  static final int[] LINE_PLOT = {640, 480};

  final NotebookResult result;
  final String printed;
  final Path dir;

  private QuickRun(NotebookResult result, String printed, Path dir) {
    this.result = result;
    this.printed = printed;
    this.dir = dir;
  }

  static QuickRun of(NotebookPort port, Path dir) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    NotebookResult result = port.run(new NotebookOptions(dir, null, true, 1, out));
    out.flush();
    return new QuickRun(result, bytes.toString(StandardCharsets.UTF_8), dir);
  }

  /** Keras's parameter count of a Dense layer. */
  static long dense(long in, long units) {
    return in * units + units;
  }

  /** Keras's parameter count of a square-kernel Conv2D layer. */
  static long conv(int kernel, long in, long filters) {
    return (long) kernel * kernel * in * filters + filters;
  }

  /** One row of an expected image grid: its label and its images' height and width. */
  record Row(String label, int h, int w) {}

  /** The size in pixels of an ImageGrid with these rows of {@code columns} images at {@code scale}. */
  static int[] gridSize(int columns, int scale, Row... rows) {
    ImageGrid.Builder b = ImageGrid.builder().scale(scale);
    for (Row r : rows) {
      List<float[]> images = new ArrayList<>();
      for (int i = 0; i < columns; i++) {
        images.add(new float[r.h() * r.w()]);
      }
      b.row(r.label(), images, r.h(), r.w());
    }
    BufferedImage img = b.render();
    int cell = 0;
    for (Row r : rows) {
      cell = Math.max(cell, Math.max(r.h(), r.w()) * scale);
    }
    int height = 2 * 8 + rows.length * cell + (rows.length - 1) * 4;
    assertEquals(height, img.getHeight(), "a grid without title is margins plus rows of cells and gaps");
    return new int[] {img.getWidth(), img.getHeight()};
  }

  /** The notebooks' 2 x 10 figure: originals above reconstructions. */
  static int[] comparison() {
    return gridSize(10, 4, new Row("original", 28, 28), new Row("reconstruction", 28, 28));
  }

  /**
   * Every figure in the result exists in the output directory, decodes as a PNG and has the expected size; the
   * figures are exactly the expected ones (by file name).
   */
  void assertFigures(Map<String, int[]> expected) {
    Map<String, Path> written = new TreeMap<>();
    for (Path p : result.figures()) {
      written.put(p.getFileName().toString(), p);
    }
    assertEquals(new TreeSet<>(expected.keySet()), new TreeSet<>(written.keySet()), "figures written");
    for (Map.Entry<String, int[]> e : expected.entrySet()) {
      Path p = written.get(e.getKey());
      assertTrue(p.toAbsolutePath().startsWith(dir.toAbsolutePath()), p + " is in the output directory");
      BufferedImage img = read(p);
      if (e.getValue() != null) {
        assertEquals(e.getValue()[0] + " x " + e.getValue()[1], img.getWidth() + " x " + img.getHeight(),
            "size of " + e.getKey());
      }
    }
  }

  static BufferedImage read(Path png) {
    assertTrue(Files.isRegularFile(png), png + " exists");
    try {
      byte[] head = new byte[8];
      try (var in = Files.newInputStream(png)) {
        assertEquals(8, in.read(head));
      }
      assertEquals((byte) 0x89, head[0], png + " starts with the PNG signature");
      assertEquals("PNG", new String(head, 1, 3, StandardCharsets.US_ASCII), png + " starts with the PNG signature");
      BufferedImage img = ImageIO.read(png.toFile());
      assertNotNull(img, png + " decodes");
      return img;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The model run recorded under {@code name} has {@code params} parameters. */
  void assertParams(String name, long params) {
    NotebookResult.ModelRun run = result.runs().get(name);
    assertNotNull(run, "run " + name + " recorded; runs: " + result.runs().keySet());
    assertEquals(params, run.params(), "parameters of " + name);
  }

  /** The run was trained for one epoch (quick mode), with its loss, validation loss and time recorded. */
  void assertTrainedOneEpoch(String name) {
    NotebookResult.ModelRun run = result.runs().get(name);
    assertNotNull(run, "run " + name + " recorded; runs: " + result.runs().keySet());
    assertEquals(1, run.loss().size(), name + " loss per epoch");
    assertEquals(1, run.valLoss().size(), name + " val_loss per epoch");
    assertEquals(1, run.secondsPerEpoch().size(), name + " seconds per epoch");
    assertTrue(Double.isFinite(run.loss().get(0)) && run.loss().get(0) > 0, name + " loss " + run.loss());
    assertTrue(run.secondsPerEpoch().get(0) > 0, name + " seconds " + run.secondsPerEpoch());
  }

  void assertPrinted(String text) {
    assertTrue(printed.contains(text), "expected the output to contain \"" + text + "\"; it was:\n" + printed);
  }
}
