package keras4j.utils;

import java.nio.file.Path;

/**
 * A {@link PyDataset} over float32 {@code .npy} files read through memory-mapped windows ({@link MappedNpy}): the
 * data never has to fit in memory. Batch {@code i} is rows {@code [i * batchSize, (i + 1) * batchSize)} of the
 * inputs and the targets; the last batch may be smaller. {@link #autoencoder} uses one file as input and target
 * (read and copied once per batch).
 */
public class NpyDataset extends PyDataset implements AutoCloseable {
  private final MappedNpy x;
  private final MappedNpy y;
  private final boolean sameTarget;
  private final int batchSize;

  /** Inputs {@code x} and targets {@code y} ({@code y} null: inputs only, for {@code predict}). */
  public NpyDataset(Path x, Path y, int batchSize) {
    this(x, y, batchSize, MappedNpy.DEFAULT_WINDOW_BYTES);
  }

  /** As {@link #NpyDataset(Path, Path, int)} with the size of the mapped windows. */
  public NpyDataset(Path x, Path y, int batchSize, long windowBytes) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch_size must be a positive integer, received " + batchSize);
    }
    this.batchSize = batchSize;
    this.x = MappedNpy.open(x, windowBytes, 2);
    this.sameTarget = y != null && y.toAbsolutePath().normalize().equals(x.toAbsolutePath().normalize());
    try {
      this.y = y == null || sameTarget ? null : MappedNpy.open(y, windowBytes, 2);
    } catch (RuntimeException e) {
      this.x.close();
      throw e;
    }
    if (this.y != null && this.y.rows() != this.x.rows()) {
      long xr = this.x.rows();
      long yr = this.y.rows();
      close();
      throw new IllegalArgumentException("Data cardinality is ambiguous: " + x + " has " + xr + " rows, " + y + " has "
          + yr + ". Make sure all arrays contain the same number of samples.");
    }
    if (this.x.rows() == 0) {
      close();
      throw new IllegalArgumentException(x + " has no rows");
    }
    if ((this.x.rows() + batchSize - 1) / batchSize > Integer.MAX_VALUE) {
      close();
      throw new IllegalArgumentException(x + ": too many batches of " + batchSize);
    }
  }

  /** One file as input and target: an autoencoder's {@code fit(x, x)}. */
  public static NpyDataset autoencoder(Path x, int batchSize) {
    return new NpyDataset(x, x, batchSize);
  }

  /** Inputs only, for {@code predict}. */
  public static NpyDataset inputs(Path x, int batchSize) {
    return new NpyDataset(x, null, batchSize);
  }

  /** The number of samples. */
  public long samples() {
    return x.rows();
  }

  /** The batch size. */
  public int batchSize() {
    return batchSize;
  }

  @Override
  public int len() {
    return (int) ((x.rows() + batchSize - 1) / batchSize);
  }

  @Override
  public Batch getItem(int index) {
    if (index < 0 || index >= len()) {
      throw new IndexOutOfBoundsException("Batch " + index + " of " + len() + " (" + x.path() + ")");
    }
    long from = (long) index * batchSize;
    long to = Math.min(x.rows(), from + batchSize);
    var xb = x.rows(from, to);
    if (sameTarget) {
      return Batch.of(xb, xb);
    }
    return y == null ? Batch.of(xb) : Batch.of(xb, y.rows(from, to));
  }

  /** Unmaps the files. */
  @Override
  public void close() {
    x.close();
    if (y != null) {
      y.close();
    }
  }
}
