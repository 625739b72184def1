package keras4j.utils;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;

/**
 * Keras's {@code keras.utils.Progbar} as tf.keras 2.x prints it:
 * {@code 235/235 [==============================] - 2s 6ms/step - loss: 0.3108 - val_loss: 0.2187}. On a console
 * (dynamic display) the line is redrawn with {@code \r}; otherwise only the final line of each run is printed. A
 * target of 0 or less is unknown ({@code target=None}): {@code 12/Unknown}.
 */
public final class Progbar {
  private final int target;
  private final int width;
  private final int verbose;
  private final double interval;
  private final String unitName;
  private final boolean dynamic;
  private final PrintStream out;
  private final long start;
  private long lastUpdate;
  private Long timeAfterFirstStep;
  private int totalWidth;

  /** Keras's {@code Progbar(target, verbose=..., unit_name=...)}; {@code dynamic} redraws one line as on a terminal. */
  public Progbar(int target, int verbose, String unitName, boolean dynamic, PrintStream out) {
    this.target = target;
    this.width = 30;
    this.verbose = verbose;
    this.interval = 0.05;
    this.unitName = unitName;
    this.dynamic = dynamic;
    this.out = out;
    this.start = System.nanoTime();
  }

  /** A progress bar on standard output, dynamic when attached to a console. */
  public Progbar(int target, int verbose) {
    this(target, verbose, "step", System.console() != null, System.out);
  }

  /** Reports progress; {@code values} are the running values to show. */
  public void update(int current, Map<String, Double> values, boolean finalize) {
    long now = System.nanoTime();
    double timePerUnit = estimateStepDuration(current, now);
    if (verbose == 1) {
      if (!finalize && (!dynamic || (now - lastUpdate) / 1e9 < interval)) {
        return;
      }
      StringBuilder bar = new StringBuilder();
      if (target > 0) {
        int digits = (int) Math.floor(Math.log10(target)) + 1;
        bar.append(String.format(Locale.ROOT, "%" + digits + "d/%d [", current, target));
        double prog = (double) current / target;
        int progWidth = (int) (width * prog);
        if (progWidth > 0) {
          bar.append("=".repeat(progWidth - 1)).append(current < target ? ">" : "=");
        }
        bar.append(".".repeat(Math.max(0, width - progWidth))).append(']');
      } else {
        bar.append(String.format(Locale.ROOT, "%7d/Unknown", current));
      }
      StringBuilder info = new StringBuilder();
      if (!finalize && target > 0 && current < target) {
        double eta = timePerUnit * (target - current);
        long e = (long) eta;
        String etaFormat = eta > 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", e / 3600, (e % 3600) / 60, e % 60)
            : eta > 60 ? String.format(Locale.ROOT, "%d:%02d", e / 60, e % 60) : e + "s";
        info.append(" - ETA: ").append(etaFormat);
      } else {
        info.append(" - ").append(round((now - start) / 1e9, 0)).append('s');
        info.append(' ').append(formatTime(timePerUnit, unitName));
      }
      appendValues(info, values, true);
      int newWidth = bar.length() + info.length();
      if (totalWidth > newWidth) {
        info.append(" ".repeat(totalWidth - newWidth));
      }
      totalWidth = newWidth;
      if (dynamic) {
        out.print("\r");
      }
      out.print(bar);
      out.print(info);
      if (finalize) {
        out.println();
      }
      out.flush();
      lastUpdate = now;
    } else if (verbose == 2 && finalize && target > 0) {
      int digits = (int) Math.floor(Math.log10(target)) + 1;
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%" + digits + "d/%d", current, target));
      double elapsed = (now - start) / 1e9;
      line.append(" - ").append(round(elapsed, 0)).append('s');
      appendValues(line, values, false);
      line.append(" - ").append(formatTime(elapsed, "epoch"));
      line.append(" - ").append(formatTime(elapsed / Math.max(1, target), unitName));
      out.println(line);
      out.flush();
    }
  }

  private double estimateStepDuration(int current, long now) {
    if (current <= 0) {
      return 0;
    }
    double t;
    if (timeAfterFirstStep != null && current > 1) {
      t = (now - timeAfterFirstStep) / 1e9 / (current - 1);
    } else {
      t = (now - start) / 1e9 / current;
    }
    if (current == 1) {
      timeAfterFirstStep = now;
    }
    return t;
  }

  private static void appendValues(StringBuilder sb, Map<String, Double> values, boolean absThreshold) {
    for (Map.Entry<String, Double> e : values.entrySet()) {
      double v = e.getValue();
      sb.append(" - ").append(e.getKey()).append(": ");
      boolean fixed = absThreshold ? Math.abs(v) > 1e-3 : v > 1e-3;
      sb.append(fixed ? round(v, 4) : String.format(Locale.ROOT, "%.4e", v));
    }
  }

  /** Keras's {@code _format_time}: "2s", "6ms", "61us" per unit. */
  static String formatTime(double t, String unit) {
    if (t >= 1 || t == 0) {
      return round(t, 0) + "s/" + unit;
    } else if (t >= 1e-3) {
      return round(t * 1e3, 0) + "ms/" + unit;
    }
    return round(t * 1e6, 0) + "us/" + unit;
  }

  /** Python's {@code '%.nf'}: round half to even on the exact binary value. */
  static String round(double v, int digits) {
    if (Double.isNaN(v)) {
      return "nan";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    return new BigDecimal(v).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
  }
}
