package keras4j.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import keras4j.utils.Np;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageGridTest {
  @TempDir
  Path dir;

  static BufferedImage read(Path png) {
    try {
      BufferedImage img = ImageIO.read(png.toFile());
      if (img == null) {
        throw new AssertionError("Not a PNG: " + png);
      }
      return img;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static int rgb(BufferedImage img, int x, int y) {
    return img.getRGB(x, y) & 0xffffff;
  }

  static boolean hasInk(BufferedImage img, int x0, int y0, int x1, int y1) {
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        if (rgb(img, x, y) != 0xffffff) {
          return true;
        }
      }
    }
    return false;
  }

  private static float[] filled(int n, float v) {
    float[] a = new float[n];
    java.util.Arrays.fill(a, v);
    return a;
  }

  /** 0, 1, 2, ... h*w - 1. */
  private static float[] ramp(int n) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    return a;
  }

  @Test
  void sizeIsCellsGapsAndMargins() {
    List<float[]> images = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      images.add(ramp(784));
    }
    Path png = ImageGrid.builder().row(images, 28, 28).row(images, 28, 28).row(images, 28, 28)
        .scale(2).gap(4).margin(8).write(dir.resolve("plain.png"));
    BufferedImage img = read(png);
    assertEquals(8 + 10 * 56 + 9 * 4 + 8, img.getWidth());
    assertEquals(8 + 3 * 56 + 2 * 4 + 8, img.getHeight());
  }

  @Test
  void pixelsFollowMatplotlibNormalisation() {
    float[] withNan = ramp(16);
    withNan[5] = Float.NaN;
    ImageGrid.Builder b = ImageGrid.builder().title("digits")
        .row("original", List.of(ramp(16), filled(16, 0f), filled(16, 1f), withNan), 4, 4)
        .row("reconstruction", List.of(filled(16, 0.25f)), 4, 4)
        .scale(3).gap(2).margin(5);
    Path png = b.write(dir.resolve("grid.png"));
    BufferedImage img = read(png);
    ImageGrid.Layout l = b.layout();
    assertEquals(l.width(), img.getWidth());
    assertEquals(l.height(), img.getHeight());
    int cols = 4;
    int cell = 12;
    // the grid sits in the bottom-right corner, inside the margin
    assertEquals(img.getWidth() - 5 - cols * cell - (cols - 1) * 2, l.cellX(0));
    assertEquals(img.getHeight() - 5 - 2 * cell - 2, l.cellY(0));

    int x0 = l.cellX(0);
    int y0 = l.cellY(0);
    assertEquals(0x000000, rgb(img, x0, y0), "minimum of the ramp is black");
    assertEquals(0xffffff, rgb(img, x0 + 11, y0 + 11), "maximum of the ramp is white");
    // value 5 of 0..15 -> 5/15 = 0.333 -> matplotlib's entry floor(0.333 * 256) = 85
    assertEquals(0x555555, rgb(img, x0 + 5 % 4 * 3 + 1, y0 + 5 / 4 * 3 + 1));
    for (int dy = 0; dy < 3; dy++) {
      for (int dx = 0; dx < 3; dx++) {
        assertEquals(rgb(img, x0 + 6, y0 + 3), rgb(img, x0 + 6 + dx, y0 + 3 + dy), "nearest-neighbour block");
      }
    }
    assertEquals(0x000000, rgb(img, l.cellX(1) + 6, y0 + 6), "a constant (all-zero) image is black");
    assertEquals(0x000000, rgb(img, l.cellX(2) + 6, y0 + 6), "a constant all-ones image is black, as in matplotlib");
    assertEquals(0xffffff, rgb(img, l.cellX(3) + 5 % 4 * 3 + 1, y0 + 5 / 4 * 3 + 1), "NaN is left white");
    assertEquals(0xffffff, rgb(img, l.cellX(1) + 6, l.cellY(1) + 6), "missing cells are white");

    assertTrue(hasInk(img, 0, y0, l.gridLeft() - 1, y0 + cell), "row label drawn");
    assertTrue(hasInk(img, 0, l.cellY(1), l.gridLeft() - 1, l.cellY(1) + cell), "second row label drawn");
    assertTrue(hasInk(img, 0, 0, img.getWidth(), y0 - 1), "title drawn");
  }

  @Test
  void fixedRangeMapsOnesToWhite() {
    ImageGrid.Builder b = ImageGrid.builder().row(List.of(filled(4, 1f), filled(4, 0f), filled(4, 0.5f),
        filled(4, 7f)), 2, 2).range(0, 1).scale(2).margin(0).gap(0);
    BufferedImage img = read(b.write(dir.resolve("range.png")));
    assertEquals(0xffffff, rgb(img, 1, 1));
    assertEquals(0x000000, rgb(img, 5, 1));
    assertEquals(0x808080, rgb(img, 9, 1));
    assertEquals(0xffffff, rgb(img, 13, 1), "values above vmax are clipped");
  }

  @Test
  void smallerImagesFillTheCellOfTheLargest() {
    float[] code = ramp(32);
    ImageGrid.Builder b = ImageGrid.builder().row("original", List.of(ramp(784)), 28, 28)
        .row("code", List.of(code), 8, 4).row("small", List.of(ramp(49)), 7, 7).scale(4);
    BufferedImage img = read(b.write(dir.resolve("fit.png")));
    ImageGrid.Layout l = b.layout();
    assertEquals(112, l.cellWidth());
    assertEquals(112, l.cellHeight());
    // 8 x 4 enlarged 14 times: 112 x 56, centred horizontally
    int x = l.cellX(0);
    int y = l.cellY(1);
    assertEquals(0xffffff, rgb(img, x + 27, y + 50), "left of the centred code image");
    assertEquals(0x000000, rgb(img, x + 28, y), "first code value is the minimum");
    assertEquals(0xffffff, rgb(img, x + 28 + 55, y + 111), "last code value is the maximum");
    // 7 x 7 enlarged 16 times fills the cell
    assertEquals(0x000000, rgb(img, l.cellX(0), l.cellY(2)));
    assertEquals(0xffffff, rgb(img, l.cellX(0) + 111, l.cellY(2) + 111));

    ImageGrid.Builder fixed = ImageGrid.builder().row(List.of(ramp(784)), 28, 28).row(List.of(ramp(49)), 7, 7)
        .scale(1).fitCells(false);
    BufferedImage f = fixed.render();
    ImageGrid.Layout fl = fixed.layout();
    assertEquals(0xffffff, rgb(f, fl.cellX(0), fl.cellY(1)), "unfitted small image is centred, not stretched");
    assertEquals(0x000000, rgb(f, fl.cellX(0) + 10, fl.cellY(1) + 10));
  }

  @Test
  void rowsFromAnArrayAreItsFirstAxis() {
    float[] values = new float[3 * 2 * 2];
    values[3] = 1;
    values[4 + 0] = 1;
    ImageGrid.Builder b = ImageGrid.builder().row("x", Np.array(values, 3, 2, 2), 2, 2).scale(1).margin(0).gap(0);
    BufferedImage img = b.render();
    ImageGrid.Layout l = b.layout();
    assertEquals(0xffffff, rgb(img, l.cellX(0) + 1, l.cellY(0) + 1));
    assertEquals(0x000000, rgb(img, l.cellX(0), l.cellY(0)));
    assertEquals(0xffffff, rgb(img, l.cellX(1), l.cellY(0)));
    assertEquals(0x000000, rgb(img, l.cellX(2), l.cellY(0)), "all-zero image");
    assertThrows(IllegalArgumentException.class, () -> ImageGrid.builder().row("x", Np.array(values, 3, 4), 3, 3));
  }

  @Test
  void rejectsBadInput() {
    String m = assertThrows(IllegalArgumentException.class,
        () -> ImageGrid.builder().row("original", List.of(new float[10]), 28, 28)).getMessage();
    assertTrue(m.contains("expected 784 values, received 10"), m);
    assertThrows(IllegalArgumentException.class, () -> ImageGrid.builder().row("a", List.of(), 2, 2));
    assertThrows(IllegalArgumentException.class, () -> ImageGrid.builder().row("a", List.of(new float[0]), 0, 2));
    assertThrows(IllegalArgumentException.class, () -> ImageGrid.builder().scale(0));
    assertThrows(IllegalArgumentException.class, () -> ImageGrid.builder().range(1, 0));
    m = assertThrows(IllegalStateException.class, () -> ImageGrid.builder().write(dir.resolve("x.png")))
        .getMessage();
    assertTrue(m.contains("no rows"), m);
  }

  @Test
  void writesAtomicallyAndReplaces() throws IOException {
    Path target = dir.resolve("sub/dir/grid.png");
    ImageGrid.builder().row(List.of(ramp(4)), 2, 2).write(target);
    int first = read(target).getWidth();
    Files.writeString(dir.resolve("sub/dir/keep.txt"), "x");
    ImageGrid.builder().row(List.of(ramp(4), ramp(4)), 2, 2).write(target.toString());
    assertNotEquals(first, read(target).getWidth());
    try (Stream<Path> files = Files.list(target.getParent())) {
      assertEquals(List.of("grid.png", "keep.txt"), files.map(p -> p.getFileName().toString()).sorted().toList(),
          "no temporary files are left behind");
    }
  }
}
