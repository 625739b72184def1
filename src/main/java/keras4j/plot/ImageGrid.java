package keras4j.plot;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import keras4j.utils.Np;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * A grid of grayscale images, as the notebooks draw one with matplotlib: {@code plt.subplot(rows, n, i)},
 * {@code plt.imshow(x.reshape(h, w))}, {@code plt.gray()}, axes hidden, one row per kind of image.
 *
 * <pre>{@code
 * ImageGrid.builder().title("Autoencoder")
 *     .row("original", Np.rows(xTest, 0, 10), 28, 28)
 *     .row("code", Np.rows(encoded, 0, 10), 8, 4)
 *     .row("reconstruction", Np.rows(decoded, 0, 10), 28, 28)
 *     .scale(4)
 *     .write(Path.of("ae.png"));
 * }</pre>
 *
 * <p>Each image is normalised on its own as {@code imshow} does by default: its minimum is black and its maximum
 * white; a constant image is black (matplotlib maps it to the lowest colour). {@link Builder#range} fixes the
 * range instead ({@code imshow(vmin=..., vmax=...)}). NaN pixels are left white. Every cell has the same size,
 * like matplotlib's subplots: images are enlarged by whole factors (nearest neighbour) to fill the cell of the
 * largest image, which is enlarged by {@link Builder#scale}.
 */
public final class ImageGrid {
  static {
    Figures.headless();
  }

  private ImageGrid() {}

  /** A new grid, as the notebooks' {@code plt.subplot(n_rows, n, i)} loops. */
  public static Builder builder() {
    return new Builder();
  }

  private record Row(String label, List<float[]> images, int h, int w) {}

  /** Where things go, in pixels. */
  record Layout(int width, int height, int gridLeft, int gridTop, int cellWidth, int cellHeight, int columns,
      int gap) {
    int cellX(int col) {
      return gridLeft + col * (cellWidth + gap);
    }

    int cellY(int row) {
      return gridTop + row * (cellHeight + gap);
    }
  }

  /** The figure's settings; {@link #write} draws it. */
  public static final class Builder {
    private String title;
    private final List<Row> rows = new ArrayList<>();
    private int scale = 4;
    private int gap = 4;
    private int margin = 8;
    private double vmin = Double.NaN;
    private double vmax = Double.NaN;
    private boolean fitCells = true;

    private Builder() {}

    /** A title above the grid. */
    public Builder title(String title) {
      this.title = Figures.requireText(title, "title");
      return this;
    }

    /** Adds a row of images, each {@code h * w} values in row-major order, labelled on the left. */
    public Builder row(String label, List<float[]> images, int h, int w) {
      if (h <= 0 || w <= 0) {
        throw new IllegalArgumentException("Image height and width must be positive, received " + h + " x " + w);
      }
      if (images == null || images.isEmpty()) {
        throw new IllegalArgumentException("Row " + rows.size() + " (" + label + ") has no images");
      }
      List<float[]> copies = new ArrayList<>();
      for (int i = 0; i < images.size(); i++) {
        float[] img = images.get(i);
        if (img == null || img.length != h * w) {
          throw new IllegalArgumentException("Image " + i + " of row " + rows.size() + " (" + label
              + ") cannot be reshaped to (" + h + ", " + w + "): expected " + (h * w) + " values, received "
              + (img == null ? "null" : img.length));
        }
        copies.add(img.clone());
      }
      rows.add(new Row(label == null ? "" : label, copies, h, w));
      return this;
    }

    /** Adds a row of images taken along the first axis of {@code images}, each reshaped to (h, w). */
    public Builder row(String label, FloatNdArray images, int h, int w) {
      if (images == null || images.rank() == 0) {
        throw new IllegalArgumentException("Expected an array of images with a first axis, received "
            + (images == null ? "null" : "a scalar"));
      }
      long n = images.shape().size(0);
      long each = n == 0 ? 0 : images.shape().size() / n;
      if (each != (long) h * w) {
        throw new IllegalArgumentException("Images of shape " + images.shape() + " cannot be reshaped to (" + h
            + ", " + w + "): each has " + each + " values, expected " + ((long) h * w));
      }
      float[] flat = Np.toFloatArray(images);
      List<float[]> list = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        float[] img = new float[h * w];
        System.arraycopy(flat, i * h * w, img, 0, h * w);
        list.add(img);
      }
      return row(label, list, h, w);
    }

    /** Adds an unlabelled row. */
    public Builder row(List<float[]> images, int h, int w) {
      return row("", images, h, w);
    }

    /** Enlargement of the largest images, in whole pixels per value (default 4). */
    public Builder scale(int scale) {
      if (scale < 1) {
        throw new IllegalArgumentException("scale must be at least 1, received " + scale);
      }
      this.scale = scale;
      return this;
    }

    /** Space between cells in pixels (default 4). */
    public Builder gap(int px) {
      if (px < 0) {
        throw new IllegalArgumentException("gap must be at least 0, received " + px);
      }
      this.gap = px;
      return this;
    }

    /** White border around the figure in pixels (default 8). */
    public Builder margin(int px) {
      if (px < 0) {
        throw new IllegalArgumentException("margin must be at least 0, received " + px);
      }
      this.margin = px;
      return this;
    }

    /** Maps vmin to black and vmax to white in every image, clipping values outside. */
    public Builder range(double vmin, double vmax) {
      if (!(vmin <= vmax) || Double.isInfinite(vmin) || Double.isInfinite(vmax)) {
        throw new IllegalArgumentException("Expected finite vmin <= vmax, received vmin=" + vmin + ", vmax=" + vmax);
      }
      this.vmin = vmin;
      this.vmax = vmax;
      return this;
    }

    /**
     * Whether smaller images are enlarged to fill the cell of the largest (default true, as matplotlib's equal
     * subplots); when false every image is enlarged by {@link #scale} and centred in its cell.
     */
    public Builder fitCells(boolean fit) {
      this.fitCells = fit;
      return this;
    }

    Layout layout() {
      if (rows.isEmpty()) {
        throw new IllegalStateException("ImageGrid has no rows to draw: add one with row(label, images, h, w)");
      }
      int maxH = 0;
      int maxW = 0;
      int cols = 0;
      boolean labels = false;
      Font font = Figures.font(Figures.FONT_PX);
      int labelWidth = 0;
      for (Row r : rows) {
        maxH = Math.max(maxH, r.h());
        maxW = Math.max(maxW, r.w());
        cols = Math.max(cols, r.images().size());
        if (!r.label().isEmpty()) {
          labels = true;
          labelWidth = Math.max(labelWidth, Figures.textWidth(font, r.label()));
        }
      }
      int cellW = checkedMul(maxW, scale);
      int cellH = checkedMul(maxH, scale);
      int labelColumn = labels ? labelWidth + 10 : 0;
      int titleRow = title != null && !title.isEmpty()
          ? Figures.textHeight(Figures.font(Figures.TITLE_PX)) + 8 : 0;
      long width = 2L * margin + labelColumn + (long) cols * cellW + (long) (cols - 1) * gap;
      long height = 2L * margin + titleRow + (long) rows.size() * cellH + (long) (rows.size() - 1) * gap;
      if (width > 30_000 || height > 30_000) {
        throw new IllegalArgumentException("The grid would be " + width + " x " + height
            + " pixels; lower the scale or the number of images");
      }
      return new Layout((int) width, (int) height, margin + labelColumn, margin + titleRow, cellW, cellH, cols, gap);
    }

    private static int checkedMul(int a, int b) {
      long v = (long) a * b;
      if (v > 30_000) {
        throw new IllegalArgumentException("An image of " + a + " pixels enlarged " + b + " times is too large");
      }
      return (int) v;
    }

    /** Draws the figure. */
    public BufferedImage render() {
      Layout l = layout();
      BufferedImage img = Figures.canvas(l.width(), l.height());
      int[] px = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
      for (int r = 0; r < rows.size(); r++) {
        Row row = rows.get(r);
        int s = fitCells ? Math.max(1, Math.min(l.cellWidth() / row.w(), l.cellHeight() / row.h())) : scale;
        int offX = (l.cellWidth() - row.w() * s) / 2;
        int offY = (l.cellHeight() - row.h() * s) / 2;
        for (int c = 0; c < row.images().size(); c++) {
          paint(px, l.width(), row.images().get(c), row.h(), row.w(), s, l.cellX(c) + offX, l.cellY(r) + offY);
        }
      }
      Graphics2D g = Figures.graphics(img);
      try {
        g.setColor(Figures.TEXT);
        g.setFont(Figures.font(Figures.FONT_PX));
        for (int r = 0; r < rows.size(); r++) {
          Figures.text(g, rows.get(r).label(), l.gridLeft() - 10, l.cellY(r) + l.cellHeight() / 2.0, 1, 0);
        }
        if (title != null && !title.isEmpty()) {
          g.setFont(Figures.font(Figures.TITLE_PX));
          Figures.text(g, title, l.width() / 2.0, margin, 0, -1);
        }
      } finally {
        g.dispose();
      }
      return img;
    }

    private void paint(int[] px, int stride, float[] values, int h, int w, int s, int x0, int y0) {
      double lo = vmin;
      double hi = vmax;
      if (Double.isNaN(lo)) {
        lo = Double.POSITIVE_INFINITY;
        hi = Double.NEGATIVE_INFINITY;
        for (float v : values) {
          if (Float.isFinite(v)) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
          }
        }
      }
      for (int i = 0; i < h; i++) {
        for (int j = 0; j < w; j++) {
          float v = values[i * w + j];
          if (!Float.isFinite(v)) {
            continue;
          }
          int rgb = Colormap.GRAY.rgb(hi > lo ? (v - lo) / (hi - lo) : 0.0);
          for (int dy = 0; dy < s; dy++) {
            int base = (y0 + i * s + dy) * stride + x0 + j * s;
            java.util.Arrays.fill(px, base, base + s, rgb);
          }
        }
      }
    }

    /** Draws the figure and writes it as a PNG; see {@link Figures#writePng}. */
    public Path write(Path png) {
      return Figures.writePng(render(), png);
    }

    /** matplotlib's {@code plt.savefig(png)}; returns the file written. */
    public Path write(String png) {
      return write(Path.of(png));
    }
  }
}
