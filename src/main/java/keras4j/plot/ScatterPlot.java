package keras4j.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * matplotlib's {@code plt.scatter(x, y, c=labels)} with {@code plt.colorbar()} for integer labels (the VAE's latent
 * space by digit): one tab10 colour per label, a legend of labels, axes with matplotlib-style ticks.
 */
public final class ScatterPlot {
  static {
    Figures.headless();
  }

  private ScatterPlot() {}

  /**
   * Draws points {@code (x[i], y[i])} coloured by {@code labels[i]} (0-9) and writes a {@code size x size} PNG.
   */
  public static Path write(Path png, String title, float[] x, float[] y, int[] labels, int size) {
    if (x.length != y.length || x.length != labels.length || x.length == 0) {
      throw new IllegalArgumentException("A scatter plot needs as many x, y and labels, at least one; received "
          + x.length + ", " + y.length + ", " + labels.length);
    }
    double xMin = Double.POSITIVE_INFINITY;
    double xMax = Double.NEGATIVE_INFINITY;
    double yMin = Double.POSITIVE_INFINITY;
    double yMax = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < x.length; i++) {
      if (Float.isFinite(x[i]) && Float.isFinite(y[i])) {
        xMin = Math.min(xMin, x[i]);
        xMax = Math.max(xMax, x[i]);
        yMin = Math.min(yMin, y[i]);
        yMax = Math.max(yMax, y[i]);
      }
    }
    if (!(xMax >= xMin)) {
      throw new IllegalArgumentException("A scatter plot needs at least one finite point");
    }
    double mx = Math.max(1e-9, (xMax - xMin) * 0.05);
    double my = Math.max(1e-9, (yMax - yMin) * 0.05);
    xMin -= mx;
    xMax += mx;
    yMin -= my;
    yMax += my;
    BufferedImage img = Figures.canvas(size + 90, size);
    Graphics2D g = Figures.graphics(img);
    double left = 60;
    double top = 30;
    double w = size - 80;
    double h = size - 70;
    for (int i = 0; i < x.length; i++) {
      if (!Float.isFinite(x[i]) || !Float.isFinite(y[i])) {
        continue;
      }
      double px = left + (x[i] - xMin) / (xMax - xMin) * w;
      double py = top + h - (y[i] - yMin) / (yMax - yMin) * h;
      g.setColor(new Color(LinePlot.TAB10[Math.floorMod(labels[i], 10)]));
      g.fill(new Ellipse2D.Double(px - 2, py - 2, 4, 4));
    }
    g.setColor(Figures.TEXT);
    Figures.frame(g, left, top, left + w, top + h);
    g.setFont(Figures.font(Figures.FONT_PX));
    double[] xt = Ticks.locate(xMin, xMax, 6);
    String[] xl = Ticks.format(xt);
    for (int i = 0; i < xt.length; i++) {
      double px = left + (xt[i] - xMin) / (xMax - xMin) * w;
      Figures.hairline(g, px, top + h, px, top + h + 4);
      Figures.text(g, xl[i], px, top + h + 16, 0, 0);
    }
    double[] yt = Ticks.locate(yMin, yMax, 6);
    String[] yl = Ticks.format(yt);
    for (int i = 0; i < yt.length; i++) {
      double py = top + h - (yt[i] - yMin) / (yMax - yMin) * h;
      Figures.hairline(g, left - 4, py, left, py);
      Figures.text(g, yl[i], left - 7, py, 1, 0);
    }
    if (title != null) {
      g.setFont(Figures.font(Figures.TITLE_PX));
      Figures.text(g, title, left + w / 2, top / 2, 0, 0);
      g.setFont(Figures.font(Figures.FONT_PX));
    }
    for (int d = 0; d < 10; d++) {
      double ly = top + 10 + d * 22;
      g.setColor(new Color(LinePlot.TAB10[d]));
      g.fill(new Ellipse2D.Double(size + 2, ly - 5, 10, 10));
      g.setColor(Figures.TEXT);
      Figures.text(g, Integer.toString(d), size + 20, ly, -1, 0);
    }
    g.dispose();
    return Figures.writePng(img, png);
  }
}
