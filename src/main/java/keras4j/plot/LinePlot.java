package keras4j.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A line plot as matplotlib draws the notebooks' loss curves: {@code plt.plot(history.history['loss'])},
 * {@code plt.plot(history.history['val_loss'])}, {@code plt.title}, {@code plt.xlabel}, {@code plt.ylabel},
 * {@code plt.legend(loc=...)}. Defaults follow matplotlib's: a 640 x 480 figure (6.4 x 4.8 inches at 100 dpi),
 * the tab10 colour cycle, 5% data margins, tick steps of 1, 2, 2.5 or 5 times a power of ten, and the legend
 * placed where it covers the fewest data ({@code loc='best'}).
 *
 * <pre>{@code
 * LinePlot.builder().title("model loss").xLabel("epoch").yLabel("loss")
 *     .series("train", history.history().get("loss"))
 *     .series("test", history.history().get("val_loss"))
 *     .legend("upper left")
 *     .write(Path.of("loss.png"));
 * }</pre>
 *
 * <p>A series given without x values is plotted against 0, 1, 2, ... as {@code plt.plot(y)} does. Non-finite
 * values leave a gap in the line.
 */
public final class LinePlot {
  static {
    Figures.headless();
  }

  /** matplotlib's default colour cycle, tab10. */
  static final int[] TAB10 = {0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f,
      0xbcbd22, 0x17becf};

  /** matplotlib's legend locations, in the order {@code loc='best'} tries them. */
  static final List<String> LOCATIONS = List.of("upper right", "upper left", "lower left", "lower right", "right",
      "center left", "center right", "lower center", "upper center", "center");

  private static final int TICK = 5;
  private static final int PAD = 5;

  private LinePlot() {}

  /** A new line plot, as {@code plt.figure()}. */
  public static Builder builder() {
    return new Builder();
  }

  private record Series(String name, double[] x, double[] y, int rgb) {}

  /** Axes in pixels and their data limits; {@link #px} and {@link #py} map data to pixels. */
  record Layout(int width, int height, Rectangle2D axes, double xMin, double xMax, double yMin, double yMax,
      double[] xTicks, double[] yTicks) {
    double px(double x) {
      return axes.getX() + (x - xMin) / (xMax - xMin) * axes.getWidth();
    }

    double py(double y) {
      return axes.getY() + axes.getHeight() - (y - yMin) / (yMax - yMin) * axes.getHeight();
    }
  }

  /** The plot's settings; {@link #write} draws it. */
  public static final class Builder {
    private String title = "";
    private String xLabel = "";
    private String yLabel = "";
    private final List<Series> series = new ArrayList<>();
    private int width = 640;
    private int height = 480;
    private String legend = "best";
    private boolean showLegend = true;

    private Builder() {}

    /** matplotlib's {@code plt.title}. */
    public Builder title(String title) {
      this.title = Figures.requireText(title, "title");
      return this;
    }

    /** matplotlib's {@code plt.xlabel}. */
    public Builder xLabel(String label) {
      this.xLabel = Figures.requireText(label, "x label");
      return this;
    }

    /** matplotlib's {@code plt.ylabel}. */
    public Builder yLabel(String label) {
      this.yLabel = Figures.requireText(label, "y label");
      return this;
    }

    /** Adds a line through (0, y[0]), (1, y[1]), ...; an empty name keeps it out of the legend. */
    public Builder series(String name, List<? extends Number> y) {
      if (y == null) {
        throw new IllegalArgumentException("Series \"" + name + "\" has no values (null)");
      }
      double[] v = new double[y.size()];
      for (int i = 0; i < v.length; i++) {
        Number n = y.get(i);
        v[i] = n == null ? Double.NaN : n.doubleValue();
      }
      return series(name, null, v);
    }

    /** matplotlib's {@code plt.plot(y, label=name)}: x runs 0, 1, 2, ... */
    public Builder series(String name, double[] y) {
      return series(name, null, y);
    }

    /** Adds a line through (x[i], y[i]). */
    public Builder series(String name, double[] x, double[] y) {
      if (y == null) {
        throw new IllegalArgumentException("Series \"" + name + "\" has no values (null)");
      }
      if (x != null && x.length != y.length) {
        throw new IllegalArgumentException("x and y must have same first dimension, but have shapes (" + x.length
            + ",) and (" + y.length + ",)");
      }
      double[] xs = new double[y.length];
      for (int i = 0; i < xs.length; i++) {
        xs[i] = x == null ? i : x[i];
      }
      series.add(new Series(name == null ? "" : name, xs, y.clone(), TAB10[series.size() % TAB10.length]));
      return this;
    }

    /** Adds every entry of a history ({@code History.history()}) as a series, in its order. */
    public Builder series(Map<String, ? extends List<? extends Number>> history) {
      if (history == null) {
        throw new IllegalArgumentException("Expected a map of series, received null");
      }
      history.forEach(this::series);
      return this;
    }

    /** Figure size in pixels (default 640 x 480). */
    public Builder size(int width, int height) {
      if (width < 100 || height < 100) {
        throw new IllegalArgumentException("A line plot needs at least 100 x 100 pixels, received " + width + " x "
            + height);
      }
      this.width = width;
      this.height = height;
      return this;
    }

    /** Legend location, one of matplotlib's: "best" (default), "upper right", "upper left", "lower left", ... */
    public Builder legend(String location) {
      String loc = location == null ? "" : location.toLowerCase(Locale.ROOT).trim();
      if (!loc.equals("best") && !LOCATIONS.contains(loc)) {
        throw new IllegalArgumentException("'" + location + "' is not a valid value for loc; supported values are "
            + "'best', '" + String.join("', '", LOCATIONS) + "'");
      }
      this.legend = loc;
      this.showLegend = true;
      return this;
    }

    /** Whether to draw the legend (default: yes, when a series has a name). */
    public Builder legend(boolean show) {
      this.showLegend = show;
      return this;
    }

    Layout layout() {
      double[] xr = range(true);
      double[] yr = range(false);
      Font font = Figures.font(Figures.FONT_PX);
      int fontH = Figures.textHeight(font);
      double left0 = 0.125 * width;
      double right = 0.9 * width;
      double top = 0.12 * height;
      double bottom0 = 0.89 * height;
      double[] yTicks = Ticks.locate(yr[0], yr[1], Math.max(1, Math.min(9, (int) ((bottom0 - top) * 0.72 / 20))));
      int tickLabelW = 0;
      for (String s : Ticks.format(yTicks)) {
        tickLabelW = Math.max(tickLabelW, Figures.textWidth(font, s));
      }
      double needLeft = 8 + (yLabel.isEmpty() ? 0 : fontH + PAD) + tickLabelW + PAD + TICK;
      double needBottom = 8 + (xLabel.isEmpty() ? 0 : fontH + PAD) + fontH + PAD + TICK;
      double left = Math.max(left0, needLeft);
      double bottom = Math.min(bottom0, height - needBottom);
      if (!title.isEmpty()) {
        top = Math.max(top, 8 + Figures.textHeight(Figures.font(Figures.TITLE_PX)) + 8);
      }
      Rectangle2D axes = new Rectangle2D.Double(Math.round(left), Math.round(top), Math.round(right - left),
          Math.round(bottom - top));
      if (axes.getWidth() < 20 || axes.getHeight() < 20) {
        throw new IllegalArgumentException("The figure is too small for its labels: " + width + " x " + height);
      }
      double[] xTicks = Ticks.locate(xr[0], xr[1], Math.max(1, Math.min(9, (int) (axes.getWidth() * 0.72 / 30))));
      yTicks = Ticks.locate(yr[0], yr[1], Math.max(1, Math.min(9, (int) (axes.getHeight() * 0.72 / 20))));
      return new Layout(width, height, axes, xr[0], xr[1], yr[0], yr[1], xTicks, yTicks);
    }

    /** Data limits with matplotlib's singular-range expansion and 5% margins. */
    private double[] range(boolean x) {
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (Series s : series) {
        for (int i = 0; i < s.y().length; i++) {
          if (Double.isFinite(s.x()[i]) && Double.isFinite(s.y()[i])) {
            double v = x ? s.x()[i] : s.y()[i];
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
          }
        }
      }
      if (lo > hi) {
        return new double[] {0, 1};
      }
      if (hi - lo <= Math.max(Math.abs(lo), Math.abs(hi)) * 1e-12) {
        if (lo == 0 && hi == 0) {
          lo = -0.05;
          hi = 0.05;
        } else {
          lo -= 0.05 * Math.abs(lo);
          hi += 0.05 * Math.abs(hi);
        }
      }
      double m = 0.05 * (hi - lo);
      return new double[] {lo - m, hi + m};
    }

    /** Draws the figure. */
    public BufferedImage render() {
      Layout l = layout();
      BufferedImage img = Figures.canvas(width, height);
      Graphics2D g = Figures.graphics(img);
      try {
        Rectangle2D a = l.axes();
        Font font = Figures.font(Figures.FONT_PX);
        g.setFont(font);
        java.awt.Shape clip = g.getClip();
        g.clip(a);
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_SQUARE, BasicStroke.JOIN_ROUND));
        for (Series s : series) {
          g.setColor(new Color(s.rgb()));
          g.draw(path(l, s));
        }
        g.setClip(clip);

        g.setColor(Figures.TEXT);
        Figures.frame(g, a.getX(), a.getY(), a.getMaxX(), a.getMaxY());
        String[] xl = Ticks.format(l.xTicks());
        for (int i = 0; i < xl.length; i++) {
          double px = l.px(l.xTicks()[i]);
          Figures.hairline(g, px, a.getMaxY(), px, a.getMaxY() + TICK);
          Figures.text(g, xl[i], px, a.getMaxY() + TICK + PAD, 0, -1);
        }
        String[] yl = Ticks.format(l.yTicks());
        int tickLabelW = 0;
        for (int i = 0; i < yl.length; i++) {
          double py = l.py(l.yTicks()[i]);
          Figures.hairline(g, a.getX() - TICK, py, a.getX(), py);
          Figures.text(g, yl[i], a.getX() - TICK - PAD, py, 1, 0);
          tickLabelW = Math.max(tickLabelW, Figures.textWidth(font, yl[i]));
        }
        int fontH = Figures.textHeight(font);
        Figures.text(g, xLabel, a.getCenterX(), a.getMaxY() + TICK + PAD + fontH + PAD, 0, -1);
        Figures.verticalText(g, yLabel, a.getX() - TICK - PAD - tickLabelW - PAD - fontH / 2.0, a.getCenterY());
        if (!title.isEmpty()) {
          g.setFont(Figures.font(Figures.TITLE_PX));
          Figures.text(g, title, a.getCenterX(), a.getY() - 8, 0, 1);
          g.setFont(font);
        }
        drawLegend(g, l);
      } finally {
        g.dispose();
      }
      return img;
    }

    private static Path2D path(Layout l, Series s) {
      Path2D.Double p = new Path2D.Double();
      boolean pen = false;
      for (int i = 0; i < s.y().length; i++) {
        if (!Double.isFinite(s.x()[i]) || !Double.isFinite(s.y()[i])) {
          pen = false;
          continue;
        }
        double px = l.px(s.x()[i]);
        double py = l.py(s.y()[i]);
        if (pen) {
          p.lineTo(px, py);
        } else {
          p.moveTo(px, py);
          p.lineTo(px, py);
          pen = true;
        }
      }
      return p;
    }

    private List<Series> named() {
      List<Series> out = new ArrayList<>();
      for (Series s : series) {
        if (!s.name().isEmpty()) {
          out.add(s);
        }
      }
      return out;
    }

    /** The legend's box for a location, or null when there is no legend. */
    Rectangle2D legendBox(Layout l, String loc) {
      List<Series> named = named();
      if (!showLegend || named.isEmpty()) {
        return null;
      }
      Font font = Figures.font(Figures.FONT_PX);
      double em = Figures.FONT_PX;
      int textW = 0;
      for (Series s : named) {
        textW = Math.max(textW, Figures.textWidth(font, s.name()));
      }
      double w = 0.4 * em * 2 + 2.0 * em + 0.8 * em + textW;
      double h = 0.4 * em * 2 + named.size() * Figures.textHeight(font) + (named.size() - 1) * 0.5 * em;
      Rectangle2D a = l.axes();
      double pad = 0.5 * em;
      double x = loc.endsWith("left") ? a.getX() + pad
          : loc.endsWith("right") ? a.getMaxX() - pad - w : a.getCenterX() - w / 2;
      double y = loc.startsWith("upper") ? a.getY() + pad
          : loc.startsWith("lower") ? a.getMaxY() - pad - h : a.getCenterY() - h / 2;
      return new Rectangle2D.Double(x, y, w, h);
    }

    /** matplotlib's {@code loc='best'}: the first location with the fewest data vertices and segments under it. */
    String legendLocation(Layout l) {
      if (!legend.equals("best")) {
        return legend;
      }
      String best = LOCATIONS.get(0);
      long bestBadness = Long.MAX_VALUE;
      for (String loc : LOCATIONS) {
        Rectangle2D box = legendBox(l, loc);
        if (box == null) {
          return best;
        }
        long badness = 0;
        for (Series s : series) {
          double px0 = Double.NaN;
          double py0 = Double.NaN;
          for (int i = 0; i < s.y().length; i++) {
            if (!Double.isFinite(s.x()[i]) || !Double.isFinite(s.y()[i])) {
              px0 = Double.NaN;
              continue;
            }
            double px = l.px(s.x()[i]);
            double py = l.py(s.y()[i]);
            if (box.contains(px, py)) {
              badness++;
            }
            if (!Double.isNaN(px0) && box.intersectsLine(px0, py0, px, py)) {
              badness++;
            }
            px0 = px;
            py0 = py;
          }
        }
        if (badness < bestBadness) {
          bestBadness = badness;
          best = loc;
        }
      }
      return best;
    }

    private void drawLegend(Graphics2D g, Layout l) {
      Rectangle2D box = legendBox(l, legendLocation(l));
      if (box == null) {
        return;
      }
      double em = Figures.FONT_PX;
      RoundRectangle2D frame = new RoundRectangle2D.Double(box.getX(), box.getY(), box.getWidth(), box.getHeight(),
          0.4 * em, 0.4 * em);
      g.setColor(new Color(255, 255, 255, 204));
      g.fill(frame);
      g.setColor(new Color(0xcc, 0xcc, 0xcc));
      g.setStroke(new BasicStroke(1f));
      g.draw(frame);
      int lineH = Figures.textHeight(g.getFont());
      double y = box.getY() + 0.4 * em + lineH / 2.0;
      for (Series s : named()) {
        double x = box.getX() + 0.4 * em;
        g.setColor(new Color(s.rgb()));
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_SQUARE, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(x, y, x + 2.0 * em, y));
        g.setColor(Figures.TEXT);
        Figures.text(g, s.name(), x + 2.8 * em, y, -1, 0);
        y += lineH + 0.5 * em;
      }
    }

    /** Draws the figure and writes it as a PNG, atomically. */
    public Path write(Path png) {
      return Figures.writePng(render(), png);
    }

    /** matplotlib's {@code plt.savefig(png)}; returns the file written. */
    public Path write(String png) {
      return write(Path.of(png));
    }
  }
}
