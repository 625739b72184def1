package keras4j.models;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import keras4j.utils.Batch;
import keras4j.utils.PyDataset;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.index.Indices;

/**
 * What the streaming engine reads: Keras's data adapters for a {@link PyDataset} (batches by index, shuffled batch
 * order, parallel readers), an iterable (Keras's generator adapter: one reader, length unknown until it ends) and
 * in-memory arrays (Keras's array adapter: samples shuffled, for validation data and {@code steps_per_epoch}).
 */
abstract class BatchSource {
  /** Keras's {@code num_batches}: null while unknown. */
  abstract Integer numBatches();

  /** One pass over the data: tasks that each read one batch (null at the end of the data). */
  abstract Iterator<Callable<Batch>> pass(boolean shuffle, Random random);

  /** Reader threads (0: on the calling thread). */
  abstract int workers();

  abstract int maxQueueSize();

  void onEpochBegin() {}

  void onEpochEnd() {}

  static BatchSource of(Iterable<Batch> data) {
    if (data == null) {
      throw new IllegalArgumentException("The data set is null");
    }
    return data instanceof PyDataset p ? new Indexed(p) : new Generated(data);
  }

  static final class Indexed extends BatchSource {
    private final PyDataset ds;

    Indexed(PyDataset ds) {
      this.ds = ds;
    }

    @Override
    Integer numBatches() {
      Integer n = ds.numBatches();
      if (n != null && n < 0) {
        throw new IllegalArgumentException("PyDataset " + ds.getClass().getName() + " has length " + n);
      }
      return n;
    }

    @Override
    Iterator<Callable<Batch>> pass(boolean shuffle, Random random) {
      Integer n = numBatches();
      if (n == null) {
        return new Iterator<>() {
          private int i;

          @Override
          public boolean hasNext() {
            return true;
          }

          @Override
          public Callable<Batch> next() {
            int k = i++;
            return () -> ds.getItem(k);
          }
        };
      }
      List<Callable<Batch>> tasks = new ArrayList<>(n);
      int[] order = new int[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      if (shuffle) {
        for (int i = n - 1; i > 0; i--) {
          int j = random.nextInt(i + 1);
          int t = order[i];
          order[i] = order[j];
          order[j] = t;
        }
      }
      for (int k : order) {
        tasks.add(() -> ds.getItem(k));
      }
      return tasks.iterator();
    }

    @Override
    int workers() {
      return ds.workers();
    }

    @Override
    int maxQueueSize() {
      return ds.maxQueueSize();
    }

    @Override
    void onEpochBegin() {
      ds.onEpochBegin();
    }

    @Override
    void onEpochEnd() {
      ds.onEpochEnd();
    }
  }

  static final class Generated extends BatchSource {
    private final Iterable<Batch> data;

    Generated(Iterable<Batch> data) {
      this.data = data;
    }

    @Override
    Integer numBatches() {
      return null;
    }

    @Override
    Iterator<Callable<Batch>> pass(boolean shuffle, Random random) {
      Iterator<Batch> it = data.iterator();
      if (it == null) {
        throw new IllegalArgumentException("The iterable's iterator() returned null");
      }
      Callable<Batch> task = () -> it.hasNext() ? it.next() : null;
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return true;
        }

        @Override
        public Callable<Batch> next() {
          return task;
        }
      };
    }

    @Override
    int workers() {
      return 1;
    }

    @Override
    int maxQueueSize() {
      return 10;
    }
  }

  /** In-memory arrays cut into batches; samples shuffled per pass as Keras's array adapter does. */
  static final class Arrays extends BatchSource {
    private final List<FloatNdArray> x;
    private final List<FloatNdArray> y;
    private final long n;
    private final int batchSize;

    Arrays(List<FloatNdArray> x, List<FloatNdArray> y, int batchSize) {
      this.x = x;
      this.y = y;
      this.n = x.get(0).shape().size(0);
      this.batchSize = batchSize;
      for (FloatNdArray a : x) {
        check(a);
      }
      if (y != null) {
        for (FloatNdArray a : y) {
          check(a);
        }
      }
    }

    private void check(FloatNdArray a) {
      if (a == null || a.rank() == 0 || a.shape().size(0) != n) {
        throw new IllegalArgumentException("Data cardinality is ambiguous: all arrays must have " + n
            + " samples, received " + (a == null ? "null" : a.shape()));
      }
    }

    @Override
    Integer numBatches() {
      return (int) ((n + batchSize - 1) / batchSize);
    }

    @Override
    Iterator<Callable<Batch>> pass(boolean shuffle, Random random) {
      int steps = numBatches();
      int[] order = null;
      if (shuffle) {
        order = new int[(int) n];
        for (int i = 0; i < order.length; i++) {
          order[i] = i;
        }
        for (int i = order.length - 1; i > 0; i--) {
          int j = random.nextInt(i + 1);
          int t = order[i];
          order[i] = order[j];
          order[j] = t;
        }
      }
      int[] perm = order;
      List<Callable<Batch>> tasks = new ArrayList<>(steps);
      for (int s = 0; s < steps; s++) {
        long from = (long) s * batchSize;
        long to = Math.min(n, from + batchSize);
        tasks.add(() -> {
          List<FloatNdArray> xb = new ArrayList<>();
          for (FloatNdArray a : x) {
            xb.add(take(a, perm, from, to));
          }
          List<FloatNdArray> yb = null;
          if (y != null) {
            yb = new ArrayList<>();
            for (FloatNdArray a : y) {
              int same = -1;
              for (int i = 0; i < x.size(); i++) {
                if (x.get(i) == a) {
                  same = i;
                }
              }
              yb.add(same >= 0 ? xb.get(same) : take(a, perm, from, to));
            }
          }
          return Batch.of(xb, yb);
        });
      }
      return tasks.iterator();
    }

    /** Rows {@code [from, to)} of an array, through {@code perm} when shuffled. */
    private static FloatNdArray take(FloatNdArray a, int[] perm, long from, long to) {
      if (perm == null) {
        return a.slice(Indices.range(from, to));
      }
      long[] s = a.shape().asArray();
      s[0] = to - from;
      FloatNdArray b = org.tensorflow.ndarray.NdArrays.ofFloats(org.tensorflow.ndarray.Shape.of(s));
      for (long i = from; i < to; i++) {
        a.get(perm[(int) i]).copyTo(b.get(i - from));
      }
      return b;
    }

    @Override
    int workers() {
      return 1;
    }

    @Override
    int maxQueueSize() {
      return 4;
    }
  }
}
