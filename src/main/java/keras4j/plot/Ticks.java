package keras4j.plot;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Tick positions and labels as matplotlib's default {@code MaxNLocator} (steps 1, 2, 2.5, 5, 10; at least two
 * ticks in view) and {@code ScalarFormatter} (the same number of decimals on every label, Unicode minus) make
 * them.
 */
final class Ticks {
  private static final double[] STEPS = {1, 2, 2.5, 5, 10};

  private Ticks() {}

  /** Ticks inside [lo, hi] with at most {@code bins} intervals. */
  static double[] locate(double lo, double hi, int bins) {
    if (!(hi > lo)) {
      return new double[] {lo};
    }
    double raw = (hi - lo) / Math.max(1, bins);
    double scale = Math.pow(10, Math.floor(Math.log10(raw)));
    List<Double> candidates = new ArrayList<>();
    for (double m : new double[] {0.1, 1, 10}) {
      for (double s : STEPS) {
        candidates.add(s * m * scale);
      }
    }
    int first = 0;
    while (first < candidates.size() - 1 && candidates.get(first) < raw * (1 - 1e-9)) {
      first++;
    }
    double[] best = null;
    for (int i = first; i >= 0; i--) {
      double step = candidates.get(i);
      double[] t = inView(lo, hi, step);
      best = t;
      if (t.length >= 2) {
        break;
      }
    }
    return best;
  }

  private static double[] inView(double lo, double hi, double step) {
    long a = (long) Math.ceil(lo / step - 1e-9);
    long b = (long) Math.floor(hi / step + 1e-9);
    if (b - a > 1000) {
      return new double[0];
    }
    double[] t = new double[(int) Math.max(0, b - a + 1)];
    for (int i = 0; i < t.length; i++) {
      double v = (a + i) * step;
      t[i] = Math.abs(v) < step * 1e-9 ? 0.0 : v;
    }
    return t;
  }

  /** Labels with the fewest decimals that show every tick exactly. */
  static String[] format(double[] ticks) {
    int decimals = 0;
    outer:
    for (; decimals < 12; decimals++) {
      double f = Math.pow(10, decimals);
      for (double t : ticks) {
        double scaled = t * f;
        if (Math.abs(scaled - Math.rint(scaled)) > 1e-6 * Math.max(1, Math.abs(scaled))) {
          continue outer;
        }
      }
      break;
    }
    String[] out = new String[ticks.length];
    for (int i = 0; i < ticks.length; i++) {
      out[i] = number(ticks[i], decimals);
    }
    return out;
  }

  static String number(double v, int decimals) {
    String s = new BigDecimal(v).setScale(decimals, java.math.RoundingMode.HALF_EVEN).toPlainString();
    if (s.startsWith("-")) {
      s = s.matches("-0(\\.0*)?") ? s.substring(1) : "\u2212" + s.substring(1);
    }
    return s;
  }
}
