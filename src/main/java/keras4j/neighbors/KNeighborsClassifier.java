package keras4j.neighbors;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import keras4j.backend.Context;
import keras4j.backend.KerasVariable;
import keras4j.backend.Names;
import keras4j.backend.Shapes;
import keras4j.backend.Tensors;
import keras4j.utils.Np;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.ndarray.buffer.FloatDataBuffer;
import org.tensorflow.ndarray.index.Indices;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.op.nn.TopK;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * scikit-learn's {@code KNeighborsClassifier} with its defaults: Euclidean distance, uniform weights, majority
 * vote, a tied vote going to the smallest label (scipy's {@code mode}). Neighbours at equal distance are taken
 * in training-set order.
 *
 * <p>The training rows stay resident in a TensorFlow variable of the current backend context. Distances are
 * computed inside TensorFlow as one matrix product per batch of queries, {@code |q|^2 - 2 q.x + |x|^2}, and the
 * nearest rows are taken with {@code TopK} (first among blocks of rows, then among the rows of the best
 * blocks); batches are sized so that one batch's distance matrix stays within {@link #workingMemory(long)}.
 * The graph is built once per classifier and context. Distances are exact to float32 rounding of that expanded
 * form. {@link #close()} frees the training rows.
 */
public final class KNeighborsClassifier implements AutoCloseable {
  /** Default size of one batch's distance matrix, in MiB. */
  public static final long DEFAULT_WORKING_MEMORY_MIB = 200;

  /** Rows per block of the two-stage selection; the training set is padded to a multiple of it. */
  private static final int BLOCK = 64;

  private final int nNeighbors;
  private long workingMemoryBytes = DEFAULT_WORKING_MEMORY_MIB << 20;

  private Context ctx;
  private SearchFunction search;
  private int nSamplesFit;
  private int nFeaturesIn;
  private int[] classes;
  private int[] encodedY;
  private boolean fitted;

  /**
   * The compiled search of one batch of augmented queries {@code [q, 1]} against a range of augmented training
   * rows {@code [x, -|x|^2/2]}: their products rank the rows as the distances do. TopK over every product costs
   * more than the product itself at small d, so the search selects in two stages: the {@code blocks} blocks of
   * {@value #BLOCK} rows with the largest maxima (which hold the k best rows), in ascending order, then the
   * {@code k} best among their rows.
   */
  private static final class SearchFunction {
    String name;
    int generation;
    KerasVariable rows;
    Placeholder<TFloat32> queries;
    Placeholder<TInt32> start;
    Placeholder<TInt32> size;
    Placeholder<TInt32> blocks;
    Placeholder<TInt32> k;
    Operand<TInt32> chosenBlocks;
    TopK<TFloat32, TInt32> top;
  }

  /** Nearest training rows of each query, closest first: {@code kneighbors(X, return_distance=True)}. */
  public record Neighbors(float[][] distances, int[][] indices) {}

  /** {@code KNeighborsClassifier()}: five neighbours. */
  public KNeighborsClassifier() {
    this(5);
  }

  /** {@code KNeighborsClassifier(n_neighbors=nNeighbors)}. */
  public KNeighborsClassifier(int nNeighbors) {
    if (nNeighbors <= 0) {
      throw new IllegalArgumentException("The 'n_neighbors' parameter of KNeighborsClassifier must be an int in the "
          + "range [1, inf). Got " + nNeighbors + " instead.");
    }
    this.nNeighbors = nNeighbors;
  }

  /** scikit-learn's {@code n_neighbors}. */
  public int nNeighbors() {
    return nNeighbors;
  }

  /**
   * Bounds the memory of one batch's distance matrix (scikit-learn's {@code working_memory}, here
   * {@value #DEFAULT_WORKING_MEMORY_MIB} MiB by default). Queries are batched to fit; when not even 256 queries
   * fit against the whole training set, the training set is split too.
   */
  public KNeighborsClassifier workingMemory(long bytes) {
    if (bytes < 4) {
      throw new IllegalArgumentException("working memory must hold at least one distance (4 bytes), received "
          + bytes);
    }
    this.workingMemoryBytes = bytes;
    return this;
  }

  /** Fits on {@code x} of shape (n, d, ...) (trailing dimensions are flattened) and labels {@code y} of length n. */
  public KNeighborsClassifier fit(FloatNdArray x, int[] y) {
    if (x == null || y == null) {
      throw new IllegalArgumentException("fit expects an array x and labels y, received "
          + (x == null ? "x=null" : "y=null"));
    }
    long[] shape = checkArray(x, "X");
    if (y.length != shape[0]) {
      throw new IllegalArgumentException("Found input variables with inconsistent numbers of samples: [" + shape[0]
          + ", " + y.length + "]");
    }
    int n = (int) shape[0];
    int d = features(shape);
    if (nNeighbors > n) {
      throw new IllegalArgumentException("Expected n_neighbors <= n_samples_fit, but n_neighbors = " + nNeighbors
          + ", n_samples_fit = " + n);
    }
    if (((long) n + BLOCK) * (d + 1) > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("Training set too large: " + n + " x " + d + " values");
    }
    int padded = (n + BLOCK - 1) / BLOCK * BLOCK;
    float[] augmented = new float[padded * (d + 1)];
    for (int i = n; i < padded; i++) {
      augmented[i * (d + 1) + d] = -Float.MAX_VALUE;
    }
    int chunk = Math.max(1, (1 << 20) / d);
    float[] src = new float[chunk * d];
    for (int from = 0; from < n; from += chunk) {
      int rows = Math.min(chunk, n - from);
      readRows(x, from, rows, d, src);
      for (int r = 0; r < rows; r++) {
        double sq = 0;
        int s = r * d;
        int t = (from + r) * (d + 1);
        for (int j = 0; j < d; j++) {
          float v = src[s + j];
          checkFinite(v, "X");
          augmented[t + j] = v;
          sq += (double) v * v;
        }
        augmented[t + d] = (float) (-0.5 * sq);
      }
    }
    Context current = Context.current();
    if (search == null || ctx != current || ctx.isClosed()) {
      ctx = current;
      search = build(current, null);
    }
    ctx.assign(List.of(search.rows), List.of(Np.array(augmented, padded, d + 1)));
    TreeSet<Integer> labels = new TreeSet<>();
    for (int v : y) {
      labels.add(v);
    }
    classes = labels.stream().mapToInt(Integer::intValue).toArray();
    encodedY = new int[n];
    for (int i = 0; i < n; i++) {
      encodedY[i] = Arrays.binarySearch(classes, y[i]);
    }
    nSamplesFit = n;
    nFeaturesIn = d;
    fitted = true;
    return this;
  }

  /** The class of each query row: the most frequent label among its neighbours (smallest label on a tie). */
  public int[] predict(FloatNdArray q) {
    Neighbors nb = kneighbors(q);
    int[][] idx = nb.indices();
    int[] out = new int[idx.length];
    int[] counts = new int[classes.length];
    for (int i = 0; i < idx.length; i++) {
      for (int j : idx[i]) {
        counts[encodedY[j]]++;
      }
      int best = -1;
      for (int j : idx[i]) {
        int c = encodedY[j];
        if (best < 0 || counts[c] > counts[best] || counts[c] == counts[best] && c < best) {
          best = c;
        }
      }
      for (int j : idx[i]) {
        counts[encodedY[j]] = 0;
      }
      out[i] = classes[best];
    }
    return out;
  }

  /** Mean accuracy of {@link #predict} on {@code q} against {@code y}. */
  public double score(FloatNdArray q, int[] y) {
    if (y == null) {
      throw new IllegalArgumentException("score expects labels y, received null");
    }
    if (q != null && q.rank() >= 1 && q.shape().size(0) != y.length) {
      throw new IllegalArgumentException("Found input variables with inconsistent numbers of samples: ["
          + q.shape().size(0) + ", " + y.length + "]");
    }
    int[] p = predict(q);
    int right = 0;
    for (int i = 0; i < p.length; i++) {
      if (p[i] == y[i]) {
        right++;
      }
    }
    return (double) right / p.length;
  }

  /** The {@link #nNeighbors()} nearest training rows of each query and their Euclidean distances. */
  public Neighbors kneighbors(FloatNdArray q) {
    checkFitted();
    if (q == null) {
      throw new IllegalArgumentException("Expected an array of queries, received null");
    }
    long[] shape = checkArray(q, "X");
    int d = features(shape);
    if (d != nFeaturesIn) {
      throw new IllegalArgumentException("X has " + d + " features, but KNeighborsClassifier is expecting "
          + nFeaturesIn + " features as input.");
    }
    int nq = (int) shape[0];
    int k = nNeighbors;
    long budget = Math.max(1, workingMemoryBytes / Float.BYTES);
    long minQueries = Math.min(nq, 256);
    int nBlocks = (nSamplesFit + BLOCK - 1) / BLOCK;
    int chunks = (int) Math.min(nBlocks, Math.max(1, -Math.floorDiv(-(long) nBlocks * BLOCK * minQueries, budget)));
    int chunkRows = (nBlocks + chunks - 1) / chunks * BLOCK;
    chunks = (nBlocks * BLOCK + chunkRows - 1) / chunkRows;
    int batch = (int) Math.max(1, Math.min(nq, budget / chunkRows));

    ctx.enter(null);
    try {
      if (search.generation != ctx.generation()) {
        search = build(ctx, search);
      }
      return search(q, nq, d, k, batch, chunks, chunkRows, nBlocks);
    } finally {
      ctx.exit();
    }
  }

  private Neighbors search(FloatNdArray q, int nq, int d, int k, int batch, int chunks, int chunkRows, int nBlocks) {
    float[][] best = new float[nq][];
    int[][] bestIdx = new int[nq][];
    float[] flat = new float[batch * d];
    float[] aug = new float[batch * (d + 1)];
    double[] qsq = new double[batch];
    float[][] distances = new float[nq][k];
    for (int from = 0; from < nq; from += batch) {
      int rows = Math.min(batch, nq - from);
      readRows(q, from, rows, d, flat);
      for (int r = 0; r < rows; r++) {
        double sq = 0;
        for (int j = 0; j < d; j++) {
          float v = flat[r * d + j];
          checkFinite(v, "X");
          aug[r * (d + 1) + j] = v;
          sq += (double) v * v;
        }
        aug[r * (d + 1) + d] = 1f;
        qsq[r] = sq;
      }
      float[] feed = rows == batch ? aug : Arrays.copyOf(aug, rows * (d + 1));
      for (int c = 0; c < chunks; c++) {
        int start = c * chunkRows;
        int size = Math.min(chunkRows, nBlocks * BLOCK - start);
        int kBlocks = Math.min(k, size / BLOCK);
        int kRows = Math.min(k, kBlocks * BLOCK);
        float[] vals = new float[rows * kRows];
        int[] pos = new int[rows * kRows];
        int[] chosen = new int[rows * kBlocks];
        try (TFloat32 qt = Tensors.of(new long[] {rows, d + 1}, feed);
            TInt32 st = TInt32.scalarOf(start);
            TInt32 sz = TInt32.scalarOf(size);
            TInt32 kb = TInt32.scalarOf(kBlocks);
            TInt32 kt = TInt32.scalarOf(kRows)) {
          ctx.run(r -> r.feed(search.queries, qt).feed(search.start, st).feed(search.size, sz)
              .feed(search.blocks, kb).feed(search.k, kt)
              .fetch(search.top.values()).fetch(search.top.indices()).fetch(search.chosenBlocks), res -> {
                ((TFloat32) res.get(0)).copyTo(DataBuffers.of(vals, false, false));
                ((TInt32) res.get(1)).copyTo(DataBuffers.of(pos, false, false));
                ((TInt32) res.get(2)).copyTo(DataBuffers.of(chosen, false, false));
                return null;
              });
        }
        int[] ids = new int[kRows];
        float[] sc = new float[kRows];
        for (int r = 0; r < rows; r++) {
          int m = 0;
          for (int j = 0; j < kRows; j++) {
            int p = pos[r * kRows + j];
            int id = start + chosen[r * kBlocks + p / BLOCK] * BLOCK + p % BLOCK;
            if (id < nSamplesFit) {
              ids[m] = id;
              sc[m++] = vals[r * kRows + j];
            }
          }
          merge(best, bestIdx, from + r, sc, ids, m, k);
        }
      }
      for (int r = 0; r < rows; r++) {
        float[] s = best[from + r];
        for (int j = 0; j < k; j++) {
          distances[from + r][j] = (float) Math.sqrt(Math.max(0.0, qsq[r] - 2.0 * s[j]));
        }
        best[from + r] = null;
      }
    }
    return new Neighbors(distances, bestIdx);
  }

  /** The labels seen in {@code fit}, sorted ({@code classes_}). */
  public int[] classes() {
    checkFitted();
    return classes.clone();
  }

  /** {@code n_samples_fit_}. */
  public int nSamplesFit() {
    checkFitted();
    return nSamplesFit;
  }

  /** {@code n_features_in_}. */
  public int nFeaturesIn() {
    checkFitted();
    return nFeaturesIn;
  }

  /** Frees the training rows held in TensorFlow; the classifier must be fitted again before use. */
  @Override
  public void close() {
    if (fitted && !ctx.isClosed()) {
      ctx.assign(List.of(search.rows), List.of(NdArrays.ofFloats(Shape.of(0, nFeaturesIn + 1))));
    }
    fitted = false;
    encodedY = null;
  }

  /** The search's ops in the context's current graph; {@code old} (traced before a compaction) gives its rows. */
  private SearchFunction build(Context c, SearchFunction old) {
    String name = old != null ? old.name : c.uniqueName("k_neighbors_classifier");
    Ops tf = c.ops().withSubScope(Names.sanitize(name));
    SearchFunction f = new SearchFunction();
    f.name = name;
    f.generation = c.generation();
    f.rows = old != null ? old.rows : c.newDataVariable(name + "/fit_x");
    f.queries = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1)));
    f.start = tf.placeholder(TInt32.class, Placeholder.shape(Shape.scalar()));
    f.size = tf.placeholder(TInt32.class, Placeholder.shape(Shape.scalar()));
    f.blocks = tf.placeholder(TInt32.class, Placeholder.shape(Shape.scalar()));
    f.k = tf.placeholder(TInt32.class, Placeholder.shape(Shape.scalar()));
    Operand<TInt32> block = tf.constant(BLOCK);
    Operand<TInt32> begin = tf.stack(List.<Operand<TInt32>>of(f.start, tf.constant(0)));
    Operand<TInt32> extent = tf.stack(List.<Operand<TInt32>>of(f.size, tf.constant(-1)));
    Operand<TFloat32> part = tf.slice(f.rows.ref(), begin, extent);
    Operand<TFloat32> scores = tf.linalg.matMul(f.queries, part, MatMul.transposeB(true));
    Operand<TInt32> nq = tf.gather(tf.shape(f.queries), tf.constant(0), tf.constant(0));
    Operand<TInt32> nb = tf.math.floorDiv(f.size, block);
    Operand<TFloat32> byBlock = tf.reshape(scores, tf.stack(List.of(nq, nb, block)));
    Operand<TFloat32> blockMax = tf.max(byBlock, tf.constant(2));
    Operand<TInt32> top = tf.nn.topK(blockMax, f.blocks, TInt32.class, TopK.sorted(true)).indices();
    Operand<TInt32> negated = tf.nn.topK(tf.math.neg(top), f.blocks, TInt32.class, TopK.sorted(true)).values();
    f.chosenBlocks = tf.math.neg(negated);
    Operand<TInt32> rowStart = tf.math.mul(tf.expandDims(tf.range(tf.constant(0), nq, tf.constant(1)),
        tf.constant(1)), nb);
    Operand<TFloat32> candidates = tf.gather(tf.reshape(scores, tf.constant(new int[] {-1, BLOCK})),
        tf.math.add(f.chosenBlocks, rowStart), tf.constant(0));
    Operand<TFloat32> flatCandidates = tf.reshape(candidates,
        tf.stack(List.of(nq, tf.math.mul(f.blocks, block))));
    f.top = tf.nn.topK(flatCandidates, f.k, TInt32.class, TopK.sorted(true));
    return f;
  }

  /**
   * Merges one chunk's candidates, sorted by score ({@code q.x - |x|^2/2}, larger is nearer) and then by row,
   * into the best so far; earlier chunks hold earlier rows, so they win equal scores.
   */
  private static void merge(float[][] best, int[][] bestIdx, int q, float[] vals, int[] ids, int n, int k) {
    float[] oldS = best[q];
    int[] oldI = bestIdx[q];
    int oldN = oldS == null ? 0 : oldS.length;
    int m = Math.min(k, oldN + n);
    float[] s = new float[m];
    int[] id = new int[m];
    int a = 0;
    int b = 0;
    for (int t = 0; t < m; t++) {
      if (b >= n || a < oldN && oldS[a] >= vals[b]) {
        s[t] = oldS[a];
        id[t] = oldI[a++];
      } else {
        s[t] = vals[b];
        id[t] = ids[b++];
      }
    }
    best[q] = s;
    bestIdx[q] = id;
  }

  private void checkFitted() {
    if (!fitted) {
      throw new IllegalStateException("This KNeighborsClassifier instance is not fitted yet. Call 'fit' with "
          + "appropriate arguments before using this estimator.");
    }
    if (ctx.isClosed()) {
      throw new IllegalStateException("The backend session holding this KNeighborsClassifier's training set was "
          + "cleared (Backend.clearSession()); call 'fit' again");
    }
  }

  private static long[] checkArray(FloatNdArray a, String what) {
    long[] shape = a.shape().asArray();
    if (shape.length < 2) {
      throw new IllegalArgumentException("Expected 2D array, got " + (shape.length == 0 ? "scalar" : "1D")
          + " array instead: shape=" + Shapes.format(shape));
    }
    if (shape[0] == 0) {
      throw new IllegalArgumentException("Found array with 0 sample(s) (shape=" + Shapes.format(shape)
          + ") while a minimum of 1 is required by KNeighborsClassifier.");
    }
    if (shape[0] > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("Too many rows in " + what + ": " + shape[0]);
    }
    long d = 1;
    for (int i = 1; i < shape.length; i++) {
      d *= shape[i];
    }
    if (d == 0) {
      throw new IllegalArgumentException("Found array with 0 feature(s) (shape=" + Shapes.format(shape)
          + ") while a minimum of 1 is required by KNeighborsClassifier.");
    }
    if (d >= Integer.MAX_VALUE / 2) {
      throw new IllegalArgumentException("Too many features in " + what + ": " + d);
    }
    return shape;
  }

  private static int features(long[] shape) {
    long d = 1;
    for (int i = 1; i < shape.length; i++) {
      d *= shape[i];
    }
    return (int) d;
  }

  private static void readRows(FloatNdArray a, int from, int rows, int d, float[] into) {
    FloatDataBuffer buf = DataBuffers.of(into, false, false).narrow((long) rows * d);
    a.slice(Indices.range(from, from + rows)).copyTo(buf);
  }

  private static void checkFinite(float v, String what) {
    if (Float.isNaN(v)) {
      throw new IllegalArgumentException("Input " + what + " contains NaN.");
    }
    if (Float.isInfinite(v)) {
      throw new IllegalArgumentException("Input " + what + " contains infinity or a value too large for "
          + "dtype('float32').");
    }
  }
}
