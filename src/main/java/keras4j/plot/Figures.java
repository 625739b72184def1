package keras4j.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import keras4j.utils.AtomicWrite;

/** What the figures share: headless AWT, fonts, text placement and atomic PNG writes. */
final class Figures {
  /** matplotlib's default text colour and size at 100 dpi (10 pt is about 14 px). */
  static final Color TEXT = Color.BLACK;
  static final int FONT_PX = 14;
  static final int TITLE_PX = 17;

  static {
    headless();
  }

  private Figures() {}

  /** Asks for headless AWT unless the application chose otherwise; call before any AWT use. */
  static void headless() {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  static Font font(int px) {
    return new Font(Font.SANS_SERIF, Font.PLAIN, px);
  }

  static BufferedImage canvas(int width, int height) {
    if (width <= 0 || height <= 0 || (long) width * height > 100_000_000L) {
      throw new IllegalArgumentException("Figure size must be positive and at most 100 megapixels, received "
          + width + " x " + height);
    }
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.dispose();
    return img;
  }

  static Graphics2D graphics(BufferedImage img) {
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    return g;
  }

  /** A one-pixel line on whole pixels (crisp even with antialiasing): pixel (x0, y0) to pixel (x1, y1). */
  static void hairline(Graphics2D g, double x0, double y0, double x1, double y1) {
    g.setStroke(new java.awt.BasicStroke(1f));
    g.draw(new java.awt.geom.Line2D.Double(Math.floor(x0) + 0.5, Math.floor(y0) + 0.5, Math.floor(x1) + 0.5,
        Math.floor(y1) + 0.5));
  }

  /** A one-pixel frame through the pixels at columns x0 and x1 and rows y0 and y1. */
  static void frame(Graphics2D g, double x0, double y0, double x1, double y1) {
    hairline(g, x0, y0, x1, y0);
    hairline(g, x1, y0, x1, y1);
    hairline(g, x1, y1, x0, y1);
    hairline(g, x0, y1, x0, y0);
  }

  /** Font metrics without a canvas, for layout. */
  static FontMetrics metrics(Font font) {
    BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = graphics(scratch);
    try {
      return g.getFontMetrics(font);
    } finally {
      g.dispose();
    }
  }

  static int textWidth(Font font, String s) {
    return s == null || s.isEmpty() ? 0 : (int) Math.ceil(metrics(font).getStringBounds(s, null).getWidth());
  }

  /** Line height of a font: ascent plus descent. */
  static int textHeight(Font font) {
    FontMetrics m = metrics(font);
    return m.getAscent() + m.getDescent();
  }

  /**
   * Draws {@code s} anchored at (x, y): {@code hAlign} -1 left, 0 centre, 1 right of x; {@code vAlign} -1 top,
   * 0 middle, 1 bottom at y.
   */
  static void text(Graphics2D g, String s, double x, double y, int hAlign, int vAlign) {
    if (s == null || s.isEmpty()) {
      return;
    }
    FontMetrics m = g.getFontMetrics();
    double w = m.getStringBounds(s, g).getWidth();
    double h = m.getAscent() + m.getDescent();
    double left = x - (hAlign + 1) * w / 2;
    double top = y - (vAlign + 1) * h / 2;
    g.drawString(s, (float) left, (float) (top + m.getAscent()));
  }

  /** Draws {@code s} turned 90 degrees anticlockwise, centred at (x, y), as matplotlib's y-axis label. */
  static void verticalText(Graphics2D g, String s, double x, double y) {
    if (s == null || s.isEmpty()) {
      return;
    }
    AffineTransform saved = g.getTransform();
    g.translate(x, y);
    g.rotate(-Math.PI / 2);
    text(g, s, 0, 0, 0, 0);
    g.setTransform(saved);
  }

  /**
   * Writes a PNG to a temporary file beside {@code target}, then moves it into place (atomically where the file
   * system can), so readers never see a partial file. Missing parent directories are created.
   */
  static Path writePng(BufferedImage img, Path target) {
    if (target == null) {
      throw new IllegalArgumentException("Expected a path to write the PNG to, received null");
    }
    return AtomicWrite.write(target, tmp -> {
      if (!ImageIO.write(img, "png", tmp.toFile())) {
        throw new IllegalStateException("javax.imageio has no PNG writer");
      }
    });
  }

  static String requireText(String s, String what) {
    if (s == null) {
      throw new IllegalArgumentException("Expected a " + what + " string, received null");
    }
    return s;
  }
}
