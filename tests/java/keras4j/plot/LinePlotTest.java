package keras4j.plot;

import static keras4j.plot.ImageGridTest.hasInk;
import static keras4j.plot.ImageGridTest.read;
import static keras4j.plot.ImageGridTest.rgb;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinePlotTest {
  @TempDir
  Path dir;

  private static boolean near(int rgb, int expected, int tolerance) {
    for (int shift = 0; shift <= 16; shift += 8) {
      if (Math.abs((rgb >> shift & 0xff) - (expected >> shift & 0xff)) > tolerance) {
        return false;
      }
    }
    return true;
  }

  /** Whether a pixel within one of (x, y) has the colour. */
  private static boolean colourNear(BufferedImage img, double x, double y, int expected) {
    for (int dy = -1; dy <= 1; dy++) {
      for (int dx = -1; dx <= 1; dx++) {
        if (near(rgb(img, (int) Math.round(x) + dx, (int) Math.round(y) + dy), expected, 40)) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<Double> decaying(int n, double start, double end) {
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(end + (start - end) * Math.exp(-i / 6.0));
    }
    return out;
  }

  @Test
  void lossCurvesAreDrawnWhereTheDataAre() {
    Map<String, List<Double>> history = new LinkedHashMap<>();
    history.put("loss", decaying(50, 0.4, 0.09));
    history.put("val_loss", decaying(50, 0.38, 0.095));
    LinePlot.Builder b = LinePlot.builder().title("model loss").xLabel("epoch").yLabel("loss").series(history);
    BufferedImage img = read(b.write(dir.resolve("loss.png")));
    assertEquals(640, img.getWidth());
    assertEquals(480, img.getHeight());
    LinePlot.Layout l = b.layout();
    Rectangle2D a = l.axes();

    assertArrayEquals(new double[] {0, 10, 20, 30, 40, 50}, l.xTicks(), 1e-12);
    assertEquals(0.1, l.yTicks()[0], 1e-12);
    assertTrue(l.xMin() < 0 && l.xMax() > 49, "5% margins around the data");

    assertEquals(0x000000, rgb(img, (int) a.getX(), (int) a.getCenterY()), "left spine");
    assertEquals(0x000000, rgb(img, (int) a.getCenterX(), (int) a.getMaxY()), "bottom spine");
    for (int e : new int[] {3, 25, 45}) {
      assertTrue(colourNear(img, l.px(e), l.py(history.get("loss").get(e)), LinePlot.TAB10[0]), "loss at " + e);
    }
    assertTrue(colourNear(img, l.px(10), l.py(history.get("val_loss").get(10)), LinePlot.TAB10[1]));
    assertEquals(0xffffff, rgb(img, (int) l.px(40), (int) l.py(0.3)), "empty part of the axes");

    assertTrue(hasInk(img, 0, (int) a.getY(), (int) a.getX() - 6, (int) a.getMaxY()), "y tick labels and label");
    assertTrue(hasInk(img, (int) a.getX(), (int) a.getMaxY() + 6, (int) a.getMaxX(), img.getHeight()),
        "x tick labels and label");
    assertTrue(hasInk(img, (int) a.getX(), 0, (int) a.getMaxX(), (int) a.getY() - 2), "title");

    String loc = b.legendLocation(l);
    assertEquals("upper right", loc);
    Rectangle2D box = b.legendBox(l, loc);
    assertTrue(hasInk(img, (int) box.getX() + 2, (int) box.getY() + 2, (int) box.getMaxX() - 2,
        (int) box.getMaxY() - 2), "legend text");
    boolean blueHandle = false;
    for (int x = (int) box.getX(); x < box.getMaxX(); x++) {
      for (int y = (int) box.getY(); y < box.getMaxY(); y++) {
        blueHandle |= near(rgb(img, x, y), LinePlot.TAB10[0], 10);
      }
    }
    assertTrue(blueHandle, "legend shows the first series' colour");
  }

  @Test
  void bestLegendAvoidsTheData() {
    double[] y = new double[20];
    for (int i = 0; i < y.length; i++) {
      y[i] = i;
    }
    LinePlot.Builder b = LinePlot.builder().series("rising", y).size(400, 300);
    LinePlot.Layout l = b.layout();
    assertEquals("upper left", b.legendLocation(l));
    assertEquals("lower right", LinePlot.builder().series("x", y).legend("lower right").legendLocation(l));
    BufferedImage img = b.render();
    assertEquals(400, img.getWidth());
    assertEquals(300, img.getHeight());
    assertEquals(null, LinePlot.builder().series("", y).legendBox(l, "upper left"), "unnamed series: no legend");
  }

  @Test
  void ticksFollowMaxNLocator() {
    assertArrayEquals(new double[] {0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4}, Ticks.locate(-0.2, 4.2, 9), 1e-12);
    assertArrayEquals(new String[] {"0.0", "0.5", "1.0"}, Ticks.format(new double[] {0, 0.5, 1}));
    assertArrayEquals(new double[] {0, 2.5, 5, 7.5, 10, 12.5, 15, 17.5, 20}, Ticks.locate(-1, 21, 9), 1e-12);
    assertArrayEquals(new double[] {0, 5, 10, 15, 20}, Ticks.locate(-1, 21, 5), 1e-12);
    assertArrayEquals(new String[] {"0", "10", "20"}, Ticks.format(new double[] {0, 10, 20}));
    assertArrayEquals(new String[] {"\u22120.10", "0.00", "0.15"}, Ticks.format(new double[] {-0.1, 0, 0.15}));
    double[] t = Ticks.locate(0.0855, 0.4145, 9);
    assertEquals(0.1, t[0], 1e-12);
    assertEquals(0.05, t[1] - t[0], 1e-12);
    assertEquals(1, Ticks.locate(3, 3, 5).length);
  }

  @Test
  void constantAndMissingValuesStillDraw() {
    LinePlot.Builder b = LinePlot.builder().series("flat", new double[] {2, 2, 2})
        .series("gap", new double[] {1, Double.NaN, 3});
    LinePlot.Layout l = b.layout();
    assertTrue(l.yMin() < 1 && l.yMax() > 3);
    BufferedImage img = b.render();
    assertTrue(colourNear(img, l.px(1), l.py(2), LinePlot.TAB10[0]));
    assertEquals(0xffffff, rgb(img, (int) l.px(1), (int) l.py(2.5)), "no segment across the NaN");
    LinePlot.Layout flat = LinePlot.builder().series("c", new double[] {1, 1}).layout();
    assertEquals(0.95 - 0.005, flat.yMin(), 1e-12);
    assertEquals(LinePlot.builder().layout().xMax(), 1.0, "empty plot spans 0..1");
  }

  @Test
  void rejectsBadInput() {
    String m = assertThrows(IllegalArgumentException.class,
        () -> LinePlot.builder().series("a", new double[] {1, 2}, new double[] {1})).getMessage();
    assertTrue(m.contains("(2,) and (1,)"), m);
    m = assertThrows(IllegalArgumentException.class, () -> LinePlot.builder().legend("top")).getMessage();
    assertTrue(m.contains("'top' is not a valid value for loc"), m);
    assertThrows(IllegalArgumentException.class, () -> LinePlot.builder().series("a", (double[]) null));
    assertThrows(IllegalArgumentException.class, () -> LinePlot.builder().size(10, 10));
    assertThrows(IllegalArgumentException.class, () -> LinePlot.builder().title(null));
  }
}
