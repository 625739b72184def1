package keras4j.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A matrix drawn as coloured cells with their values written in them, as scikit-learn's
 * {@code ConfusionMatrixDisplay(cm, display_labels=...).plot(cmap=plt.cm.Blues)} draws a confusion matrix: the
 * colour scale runs from the smallest value (lightest) to the largest (darkest), with a colour bar on the right;
 * values are written dark on light cells and light on dark cells (threshold halfway between the extremes);
 * integers as they are, other numbers with two significant digits ({@code '.2g'}).
 *
 * <pre>{@code
 * HeatMap.confusionMatrix(ConfusionMatrix.of(yTest, predicted)).title("kNN on codes").write(Path.of("cm.png"));
 * }</pre>
 */
public final class HeatMap {
  static {
    Figures.headless();
  }

  private static final int TICK = 5;
  private static final int PAD = 5;
  private static final int BAR_GAP = 16;
  private static final int BAR_WIDTH = 20;

  private HeatMap() {}

  /** A new heat map, as {@code plt.imshow} of a matrix. */
  public static Builder builder() {
    return new Builder();
  }

  /** A confusion matrix: rows are true labels, columns predicted ones, labelled with the classes. */
  public static Builder confusionMatrix(ConfusionMatrix cm) {
    if (cm == null) {
      throw new IllegalArgumentException("Expected a confusion matrix, received null");
    }
    List<String> names = new ArrayList<>();
    for (int l : cm.labels()) {
      names.add(Integer.toString(l));
    }
    return builder().values(cm.counts()).tickLabels(names).xLabel("Predicted label").yLabel("True label");
  }

  /** {@code ConfusionMatrixDisplay.from_predictions(y_true, y_pred)}. */
  public static Builder confusionMatrix(int[] yTrue, int[] yPred) {
    return confusionMatrix(ConfusionMatrix.of(yTrue, yPred));
  }

  /** Positions in pixels. */
  record Layout(int width, int height, int matrixX, int matrixY, int cell, int rows, int cols, Rectangle2D bar,
      boolean rotateXLabels) {
    Rectangle2D cellBounds(int r, int c) {
      return new Rectangle2D.Double(matrixX + c * cell, matrixY + r * cell, cell, cell);
    }
  }

  /** The figure's settings; {@link #write} draws it. */
  public static final class Builder {
    private double[][] values;
    private boolean integers;
    private String title = "";
    private String xLabel = "";
    private String yLabel = "";
    private List<String> xTickLabels;
    private List<String> yTickLabels;
    private int cellSize = 48;
    private boolean colorbar = true;
    private boolean annotate = true;

    private Builder() {}

    /** The matrix of counts, row by row. */
    public Builder values(int[][] counts) {
      double[][] v = checkShape(counts == null ? null : Arrays.stream(counts)
          .map(r -> r == null ? null : Arrays.stream(r).asDoubleStream().toArray()).toArray(double[][]::new));
      this.values = v;
      this.integers = true;
      return this;
    }

    /** The matrix of values, row by row; NaN cells are left white. */
    public Builder values(double[][] values) {
      this.values = checkShape(values == null ? null
          : Arrays.stream(values).map(r -> r == null ? null : r.clone()).toArray(double[][]::new));
      this.integers = false;
      return this;
    }

    private double[][] checkShape(double[][] v) {
      if (v == null || v.length == 0 || v[0] == null || v[0].length == 0) {
        throw new IllegalArgumentException("Expected a non-empty matrix of values");
      }
      for (int i = 0; i < v.length; i++) {
        if (v[i] == null || v[i].length != v[0].length) {
          throw new IllegalArgumentException("Row " + i + " of the matrix has " + (v[i] == null ? "no" : v[i].length)
              + " values, expected " + v[0].length + " like row 0");
        }
      }
      return v;
    }

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

    /** Labels of the columns, written under them (default 0, 1, 2, ...). */
    public Builder xTickLabels(List<String> labels) {
      this.xTickLabels = List.copyOf(labels);
      return this;
    }

    /** Labels of the rows, written left of them (default 0, 1, 2, ...). */
    public Builder yTickLabels(List<String> labels) {
      this.yTickLabels = List.copyOf(labels);
      return this;
    }

    /** The same labels for rows and columns ({@code display_labels}). */
    public Builder tickLabels(List<String> labels) {
      return xTickLabels(labels).yTickLabels(labels);
    }

    /** Side of a cell in pixels (default 48). */
    public Builder cellSize(int px) {
      if (px < 4 || px > 1000) {
        throw new IllegalArgumentException("cell size must be between 4 and 1000 pixels, received " + px);
      }
      this.cellSize = px;
      return this;
    }

    /** Whether to draw the colour bar (default true). */
    public Builder colorbar(boolean show) {
      this.colorbar = show;
      return this;
    }

    /** Whether to write each value in its cell (default true). */
    public Builder annotate(boolean show) {
      this.annotate = show;
      return this;
    }

    private List<String> labels(List<String> given, int n, String axis) {
      if (given == null) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          out.add(Integer.toString(i));
        }
        return out;
      }
      if (given.size() != n) {
        throw new IllegalArgumentException("Expected " + n + " " + axis + " tick labels, one per "
            + (axis.equals("x") ? "column" : "row") + ", received " + given.size());
      }
      return given;
    }

    private double[] limits() {
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (double[] row : values) {
        for (double v : row) {
          if (Double.isFinite(v)) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
          }
        }
      }
      return lo > hi ? new double[] {0, 1} : new double[] {lo, hi};
    }

    Layout layout() {
      if (values == null) {
        throw new IllegalStateException("HeatMap has no values to draw: call values(...) first");
      }
      int rows = values.length;
      int cols = values[0].length;
      Font font = Figures.font(Figures.FONT_PX);
      int fontH = Figures.textHeight(font);
      int yLabelsW = 0;
      for (String s : labels(yTickLabels, rows, "y")) {
        yLabelsW = Math.max(yLabelsW, Figures.textWidth(font, s));
      }
      int xLabelsW = 0;
      for (String s : labels(xTickLabels, cols, "x")) {
        xLabelsW = Math.max(xLabelsW, Figures.textWidth(font, s));
      }
      boolean rotate = xLabelsW > cellSize - 4;
      int margin = 8;
      int left = margin + (yLabel.isEmpty() ? 0 : fontH + PAD) + yLabelsW + PAD + TICK;
      int top = margin + (title.isEmpty() ? 0 : Figures.textHeight(Figures.font(Figures.TITLE_PX)) + 8);
      int matrixW = cols * cellSize;
      int matrixH = rows * cellSize;
      int below = TICK + PAD + (rotate ? xLabelsW : fontH) + (xLabel.isEmpty() ? 0 : PAD + fontH) + margin;
      Rectangle2D bar = null;
      int right = margin;
      if (colorbar) {
        bar = new Rectangle2D.Double(left + matrixW + BAR_GAP, top, BAR_WIDTH, matrixH);
        int barLabelsW = 0;
        for (String s : barLabels()) {
          barLabelsW = Math.max(barLabelsW, Figures.textWidth(font, s));
        }
        right += BAR_GAP + BAR_WIDTH + TICK + PAD + barLabelsW;
      }
      long width = (long) left + matrixW + right;
      long height = (long) top + matrixH + below;
      int titleW = Figures.textWidth(Figures.font(Figures.TITLE_PX), title) + 2 * margin;
      width = Math.max(width, titleW);
      if (width > 30_000 || height > 30_000) {
        throw new IllegalArgumentException("The heat map would be " + width + " x " + height
            + " pixels; lower the cell size");
      }
      return new Layout((int) width, (int) height, left, top, cellSize, rows, cols, bar, rotate);
    }

    private double[] barTicks() {
      double[] lim = limits();
      int bins = Math.max(1, Math.min(9, values.length * cellSize * 72 / 100 / 20));
      return Ticks.locate(lim[0], lim[1], bins);
    }

    private String[] barLabels() {
      return Ticks.format(barTicks());
    }

    private String format(double v) {
      if (integers) {
        return Long.toString(Math.round(v));
      }
      return formatG2(v);
    }

    /** Python's {@code format(v, '.2g')}. */
    static String formatG2(double v) {
      if (Double.isNaN(v)) {
        return "nan";
      }
      if (Double.isInfinite(v)) {
        return v > 0 ? "inf" : "-inf";
      }
      if (v == 0) {
        return "0";
      }
      String sci = String.format(Locale.ROOT, "%.1e", v);
      int exp = Integer.parseInt(sci.substring(sci.indexOf('e') + 1));
      if (exp < -4 || exp >= 2) {
        String mant = sci.substring(0, sci.indexOf('e'));
        if (mant.endsWith(".0")) {
          mant = mant.substring(0, mant.length() - 2);
        }
        return mant + "e" + (exp < 0 ? "-" : "+") + String.format(Locale.ROOT, "%02d", Math.abs(exp));
      }
      String fixed = new java.math.BigDecimal(v).setScale(1 - exp, java.math.RoundingMode.HALF_EVEN).toPlainString();
      if (fixed.contains(".")) {
        fixed = fixed.replaceAll("0+$", "").replaceAll("\\.$", "");
      }
      return fixed;
    }

    /** Draws the figure. */
    public BufferedImage render() {
      Layout l = layout();
      double[] lim = limits();
      Colormap cmap = Colormap.BLUES;
      BufferedImage img = Figures.canvas(l.width(), l.height());
      Graphics2D g = Figures.graphics(img);
      try {
        Font font = Figures.font(Figures.FONT_PX);
        double thresh = (lim[0] + lim[1]) / 2;
        for (int r = 0; r < l.rows(); r++) {
          for (int c = 0; c < l.cols(); c++) {
            double v = values[r][c];
            int rgb = cmap.rgb(lim[1] > lim[0] ? (v - lim[0]) / (lim[1] - lim[0]) : 0.0);
            if (rgb < 0) {
              continue;
            }
            g.setColor(new Color(rgb));
            Rectangle2D cb = l.cellBounds(r, c);
            g.fillRect((int) cb.getX(), (int) cb.getY(), l.cell(), l.cell());
          }
        }
        g.setColor(Figures.TEXT);
        Figures.frame(g, l.matrixX() - 1, l.matrixY() - 1, l.matrixX() + l.cols() * l.cell(),
            l.matrixY() + l.rows() * l.cell());
        if (annotate) {
          for (int r = 0; r < l.rows(); r++) {
            for (int c = 0; c < l.cols(); c++) {
              double v = values[r][c];
              if (Double.isNaN(v)) {
                continue;
              }
              String s = format(v);
              g.setFont(fitted(s, l.cell() - 6));
              g.setColor(new Color(v < thresh ? cmap.last() : cmap.first()));
              Rectangle2D cb = l.cellBounds(r, c);
              Figures.text(g, s, cb.getCenterX(), cb.getCenterY(), 0, 0);
            }
          }
        }
        g.setFont(font);
        g.setColor(Figures.TEXT);
        int fontH = Figures.textHeight(font);
        List<String> xs = labels(xTickLabels, l.cols(), "x");
        double matrixBottom = l.matrixY() + l.rows() * l.cell();
        int xLabelsExtent = 0;
        for (int c = 0; c < l.cols(); c++) {
          double x = l.matrixX() + (c + 0.5) * l.cell();
          Figures.hairline(g, x, matrixBottom, x, matrixBottom + TICK);
          if (l.rotateXLabels()) {
            java.awt.geom.AffineTransform saved = g.getTransform();
            g.translate(x, matrixBottom + TICK + PAD);
            g.rotate(-Math.PI / 2);
            Figures.text(g, xs.get(c), 0, 0, 1, 0);
            g.setTransform(saved);
            xLabelsExtent = Math.max(xLabelsExtent, Figures.textWidth(font, xs.get(c)));
          } else {
            Figures.text(g, xs.get(c), x, matrixBottom + TICK + PAD, 0, -1);
            xLabelsExtent = fontH;
          }
        }
        List<String> ys = labels(yTickLabels, l.rows(), "y");
        int yLabelsW = 0;
        for (int r = 0; r < l.rows(); r++) {
          double y = l.matrixY() + (r + 0.5) * l.cell();
          Figures.hairline(g, l.matrixX() - TICK, y, l.matrixX() - 1, y);
          Figures.text(g, ys.get(r), l.matrixX() - TICK - PAD, y, 1, 0);
          yLabelsW = Math.max(yLabelsW, Figures.textWidth(font, ys.get(r)));
        }
        double centreX = l.matrixX() + l.cols() * l.cell() / 2.0;
        Figures.text(g, xLabel, centreX, matrixBottom + TICK + PAD + xLabelsExtent + PAD, 0, -1);
        Figures.verticalText(g, yLabel, l.matrixX() - TICK - PAD - yLabelsW - PAD - fontH / 2.0,
            l.matrixY() + l.rows() * l.cell() / 2.0);
        if (l.bar() != null) {
          drawBar(g, l.bar(), lim, cmap);
        }
        if (!title.isEmpty()) {
          g.setFont(Figures.font(Figures.TITLE_PX));
          g.setColor(Figures.TEXT);
          Figures.text(g, title, centreX, l.matrixY() - 8, 0, 1);
        }
      } finally {
        g.dispose();
      }
      return img;
    }

    private void drawBar(Graphics2D g, Rectangle2D bar, double[] lim, Colormap cmap) {
      int x = (int) bar.getX();
      int top = (int) bar.getY();
      int h = (int) bar.getHeight();
      for (int i = 0; i < h; i++) {
        double v = 1 - (i + 0.5) / h;
        g.setColor(new Color(cmap.rgb(v)));
        g.fillRect(x, top + i, (int) bar.getWidth(), 1);
      }
      g.setColor(Figures.TEXT);
      Figures.frame(g, bar.getX() - 1, bar.getY() - 1, bar.getMaxX(), bar.getMaxY());
      double[] ticks = barTicks();
      String[] labels = Ticks.format(ticks);
      for (int i = 0; i < ticks.length; i++) {
        double f = lim[1] > lim[0] ? (ticks[i] - lim[0]) / (lim[1] - lim[0]) : 0.5;
        double y = bar.getMaxY() - f * bar.getHeight();
        Figures.hairline(g, bar.getMaxX(), y, bar.getMaxX() + TICK, y);
        Figures.text(g, labels[i], bar.getMaxX() + TICK + PAD, y, -1, 0);
      }
    }

    private static Font fitted(String s, int maxWidth) {
      for (int px = Figures.FONT_PX; px > 6; px--) {
        Font f = Figures.font(px);
        if (Figures.textWidth(f, s) <= maxWidth) {
          return f;
        }
      }
      return Figures.font(6);
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
