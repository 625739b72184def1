package keras4j.neighbors;

import java.util.Random;
import keras4j.utils.Np;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * Times {@link KNeighborsClassifier} on random data of MNIST's size: 10,000 queries against 60,000 training rows
 * at d = 784, 16 and 8. Arguments (optional): training rows, queries, then the dimensions to try.
 */
public final class KnnBench {
  private KnnBench() {}

  public static void main(String[] args) {
    int nTrain = args.length > 0 ? Integer.parseInt(args[0]) : 60_000;
    int nQuery = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    int[] dims = {784, 16, 8};
    if (args.length > 2) {
      dims = new int[args.length - 2];
      for (int i = 2; i < args.length; i++) {
        dims[i - 2] = Integer.parseInt(args[i]);
      }
    }
    Random random = new Random(42);
    for (int d : dims) {
      FloatNdArray x = random(random, nTrain, d);
      FloatNdArray q = random(random, nQuery, d);
      int[] y = new int[nTrain];
      for (int i = 0; i < nTrain; i++) {
        y[i] = random.nextInt(10);
      }
      try (KNeighborsClassifier knn = new KNeighborsClassifier(7)) {
        knn.workingMemory(Long.getLong("knn.bytes", KNeighborsClassifier.DEFAULT_WORKING_MEMORY_MIB << 20));
        for (int rep = 0; rep < 3; rep++) {
          long t0 = System.nanoTime();
          knn.fit(x, y);
          long t1 = System.nanoTime();
          int[] p = knn.predict(q);
          long t2 = System.nanoTime();
          System.out.printf("d=%d train=%d queries=%d run %d: fit %.3f s, predict %.3f s (first label %d)%n", d,
              nTrain, nQuery, rep, (t1 - t0) / 1e9, (t2 - t1) / 1e9, p[0]);
        }
      }
    }
  }

  private static FloatNdArray random(Random random, int n, int d) {
    float[] v = new float[n * d];
    for (int i = 0; i < v.length; i++) {
      v[i] = random.nextFloat();
    }
    return Np.array(v, n, d);
  }
}
