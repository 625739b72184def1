package keras4j.regularizers;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import keras4j.utils.Np;
import org.tensorflow.ndarray.FloatNdArray;

/** Seeded test arrays and their JSON form. */
final class CustomData {
  private CustomData() {}

  static FloatNdArray normal(long seed, long... shape) {
    Random r = new Random(seed);
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    float[] v = new float[(int) n];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) r.nextGaussian();
    }
    return Np.array(v, shape);
  }

  static List<Double> list(FloatNdArray a) {
    List<Double> out = new ArrayList<>();
    for (float f : Np.toFloatArray(a)) {
      out.add((double) f);
    }
    return out;
  }
}
