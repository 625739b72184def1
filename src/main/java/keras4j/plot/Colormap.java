package keras4j.plot;

/**
 * matplotlib's 256-entry colour maps {@code gray} and {@code Blues}, looked up as matplotlib does: a value v in
 * [0, 1] takes entry {@code min(255, floor(v * 256))}; values outside are clipped to the end colours.
 */
enum Colormap {
  GRAY(new int[] {0x000000, 0xffffff}),
  /** ColorBrewer's nine-class Blues, as matplotlib defines it. */
  BLUES(new int[] {0xf7fbff, 0xdeebf7, 0xc6dbef, 0x9ecae1, 0x6baed6, 0x4292c6, 0x2171b5, 0x08519c, 0x08306b});

  static final int N = 256;

  private final int[] lut = new int[N];

  Colormap(int[] stops) {
    for (int i = 0; i < N; i++) {
      double pos = (double) i / (N - 1) * (stops.length - 1);
      int lo = Math.min(stops.length - 2, (int) Math.floor(pos));
      double f = pos - lo;
      int r = mix(stops[lo] >> 16, stops[lo + 1] >> 16, f);
      int g = mix(stops[lo] >> 8, stops[lo + 1] >> 8, f);
      int b = mix(stops[lo], stops[lo + 1], f);
      lut[i] = r << 16 | g << 8 | b;
    }
  }

  private static int mix(int a, int b, double f) {
    return (int) Math.round((a & 0xff) * (1 - f) + (b & 0xff) * f);
  }

  /** RGB of a normalised value; NaN gives -1 (matplotlib's transparent "bad" colour). */
  int rgb(double v) {
    if (Double.isNaN(v)) {
      return -1;
    }
    int i = v <= 0 ? 0 : v >= 1 ? N - 1 : Math.min(N - 1, (int) (v * N));
    return lut[i];
  }

  int first() {
    return lut[0];
  }

  int last() {
    return lut[N - 1];
  }
}
