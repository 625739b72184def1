package keras4j.plot;

import static keras4j.plot.ImageGridTest.read;
import static keras4j.plot.ImageGridTest.rgb;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeatMapTest {
  @TempDir
  Path dir;

  private static double luminance(int rgb) {
    return 0.299 * (rgb >> 16 & 0xff) + 0.587 * (rgb >> 8 & 0xff) + 0.114 * (rgb & 0xff);
  }

  /** A cell's colour away from its text and borders. */
  private static int background(BufferedImage img, HeatMap.Layout l, int r, int c) {
    Rectangle2D b = l.cellBounds(r, c);
    return rgb(img, (int) b.getX() + 3, (int) b.getY() + 3);
  }

  private static int[][] confusion() {
    int[][] cm = new int[10][10];
    for (int i = 0; i < 10; i++) {
      for (int j = 0; j < 10; j++) {
        cm[i][j] = i == j ? 900 + 10 * i : (i + j) % 7;
      }
    }
    return cm;
  }

  @Test
  void largerCountsAreDarker() {
    int[][] cm = confusion();
    HeatMap.Builder b = HeatMap.confusionMatrix(new ConfusionMatrix(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, cm))
        .title("Confusion matrix");
    BufferedImage img = read(b.write(dir.resolve("cm.png")));
    HeatMap.Layout l = b.layout();
    assertEquals(l.width(), img.getWidth());
    assertEquals(l.height(), img.getHeight());
    assertEquals(480, l.cellBounds(9, 9).getMaxX() - l.cellBounds(0, 0).getX(), 1e-9);
    assertTrue(img.getWidth() > 480 + 40 && img.getHeight() > 480 + 40);

    for (int i = 0; i < 10; i++) {
      double diagonal = luminance(background(img, l, i, i));
      double off = luminance(background(img, l, i, (i + 1) % 10));
      assertTrue(diagonal < off - 100, "diagonal cell " + i + " is darker than its neighbour");
    }
    assertTrue(luminance(background(img, l, 9, 9)) <= luminance(background(img, l, 0, 0)), "930 vs 900");
    assertTrue(luminance(background(img, l, 0, 7)) > luminance(background(img, l, 0, 6)), "0 vs 6");
    assertEquals(Colormap.BLUES.first(), background(img, l, 0, 7), "the smallest count (0) is the lightest colour");
    assertEquals(Colormap.BLUES.last(), background(img, l, 9, 9), "the largest count is the darkest colour");

    Rectangle2D d = l.cellBounds(4, 4);
    boolean lightText = false;
    for (int y = (int) d.getY() + 10; y < d.getMaxY() - 10; y++) {
      for (int x = (int) d.getX() + 5; x < d.getMaxX() - 5; x++) {
        lightText |= luminance(rgb(img, x, y)) > 200;
      }
    }
    assertTrue(lightText, "count written in light colour on a dark cell");
    Rectangle2D o = l.cellBounds(4, 5);
    boolean darkText = false;
    for (int y = (int) o.getY() + 10; y < o.getMaxY() - 10; y++) {
      for (int x = (int) o.getX() + 5; x < o.getMaxX() - 5; x++) {
        darkText |= luminance(rgb(img, x, y)) < 120;
      }
    }
    assertTrue(darkText, "count written in dark colour on a light cell");

    Rectangle2D bar = l.bar();
    assertTrue(luminance(rgb(img, (int) bar.getCenterX(), (int) bar.getY() + 2))
        < luminance(rgb(img, (int) bar.getCenterX(), (int) bar.getMaxY() - 2)), "colour bar dark at the top");
    assertTrue(ImageGridTest.hasInk(img, 0, l.matrixY(), l.matrixX() - 1, l.matrixY() + 480), "row labels");
    assertTrue(ImageGridTest.hasInk(img, l.matrixX(), l.matrixY() + 481, l.matrixX() + 480, img.getHeight()),
        "column labels");
  }

  @Test
  void confusionMatrixCountsLikeScikitLearn() {
    ConfusionMatrix cm = ConfusionMatrix.of(new int[] {2, 0, 2, 2, 0, 1}, new int[] {0, 0, 2, 2, 0, 2});
    assertArrayEquals(new int[] {0, 1, 2}, cm.labels());
    assertArrayEquals(new int[][] {{2, 0, 0}, {0, 0, 1}, {1, 0, 2}}, cm.counts());
    assertEquals("[[2 0 0]\n [0 0 1]\n [1 0 2]]", cm.toString());
    assertEquals(6, cm.total());
    ConfusionMatrix some = ConfusionMatrix.of(new int[] {2, 0, 2, 2, 0, 1}, new int[] {0, 0, 2, 2, 0, 2},
        new int[] {2, 0});
    assertArrayEquals(new int[][] {{2, 1}, {0, 2}}, some.counts());
    assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.of(new int[2], new int[3]));
    assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.of(new int[2], new int[2], new int[] {1, 1}));

    HeatMap.Builder b = HeatMap.confusionMatrix(new int[] {1, 1, 3}, new int[] {1, 3, 3});
    assertEquals(2, b.layout().rows());
  }

  @Test
  void floatValuesUseTwoSignificantDigits() {
    assertEquals("0.5", HeatMap.Builder.formatG2(0.5));
    assertEquals("0.25", HeatMap.Builder.formatG2(0.25));
    assertEquals("12", HeatMap.Builder.formatG2(12.3));
    assertEquals("1.2e+02", HeatMap.Builder.formatG2(123));
    assertEquals("1e-05", HeatMap.Builder.formatG2(1e-5));
    assertEquals("0.001", HeatMap.Builder.formatG2(0.001));
    assertEquals("-0.33", HeatMap.Builder.formatG2(-1 / 3.0));
    assertEquals("0", HeatMap.Builder.formatG2(0));
    BufferedImage img = HeatMap.builder().values(new double[][] {{0.1, Double.NaN}, {0.3, 0.9}}).colorbar(false)
        .render();
    assertTrue(img.getWidth() > 96);
  }

  @Test
  void rejectsBadInput() {
    String m = assertThrows(IllegalArgumentException.class,
        () -> HeatMap.builder().values(new int[][] {{1, 2}, {3}})).getMessage();
    assertTrue(m.contains("Row 1") && m.contains("expected 2"), m);
    m = assertThrows(IllegalArgumentException.class,
        () -> HeatMap.builder().values(new int[][] {{1, 2}, {3, 4}}).xTickLabels(List.of("a")).render())
        .getMessage();
    assertTrue(m.contains("Expected 2 x tick labels"), m);
    assertThrows(IllegalStateException.class, () -> HeatMap.builder().render());
    assertThrows(IllegalArgumentException.class, () -> HeatMap.builder().values(new int[0][0]));
    assertThrows(IllegalArgumentException.class, () -> HeatMap.builder().cellSize(1));
  }
}
