package keras4j.utils;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Keras's {@code keras.utils.PyDataset} (formerly {@code Sequence}): a data set read batch by batch by index, so
 * that {@code fit}, {@code evaluate} and {@code predict} never need it in memory. Implement {@link #len()} (the
 * number of batches, Keras's {@code __len__}) and {@link #getItem(int)} (Keras's {@code __getitem__}); override
 * {@link #onEpochBegin()} / {@link #onEpochEnd()} to change the data between epochs.
 *
 * <p>{@link #workers(int)} background threads read the next {@link #maxQueueSize(int)} batches ahead of the
 * training step, in order (Keras's {@code OrderedEnqueuer}); with more than one worker {@code getItem} must be
 * thread-safe. Unlike Keras, where {@code workers=1} reads on the training thread, one worker here is one
 * background thread; {@code workers(0)} reads on the training thread. {@code fit(..., shuffle(true))} shuffles the
 * order of the batches each epoch, not the samples within a batch.
 */
public abstract class PyDataset implements Iterable<Batch> {
  private int workers;
  private int maxQueueSize;

  /** {@code PyDataset(workers=1, max_queue_size=10)}. */
  protected PyDataset() {
    this(1, 10);
  }

  /** {@code PyDataset(workers=..., max_queue_size=...)}. */
  protected PyDataset(int workers, int maxQueueSize) {
    workers(workers);
    maxQueueSize(maxQueueSize);
  }

  /** Keras's {@code __len__}: the number of batches. */
  public abstract int len();

  /** Keras's {@code __getitem__}: the batch at {@code index} (0 to {@code len() - 1}). */
  public abstract Batch getItem(int index);

  /** Keras's {@code num_batches}: {@link #len()}, or null for an infinite data set (override). */
  public Integer numBatches() {
    return len();
  }

  /** Keras's {@code on_epoch_begin}. */
  public void onEpochBegin() {}

  /** Keras's {@code on_epoch_end}. */
  public void onEpochEnd() {}

  /** Keras's {@code workers}. */
  public int workers() {
    return workers;
  }

  /** Sets Keras's {@code workers} (0: read on the training thread). */
  public PyDataset workers(int n) {
    if (n < 0 || n > 256) {
      throw new IllegalArgumentException("workers must be between 0 and 256, received " + n);
    }
    this.workers = n;
    return this;
  }

  /** Keras's {@code max_queue_size}. */
  public int maxQueueSize() {
    return maxQueueSize;
  }

  /** Sets Keras's {@code max_queue_size}: how many batches are read ahead. */
  public PyDataset maxQueueSize(int n) {
    if (n < 1 || n > 100_000) {
      throw new IllegalArgumentException("max_queue_size must be between 1 and 100000, received " + n);
    }
    this.maxQueueSize = n;
    return this;
  }

  /** Keras's {@code __iter__}: the batches in index order, read on the calling thread. */
  @Override
  public Iterator<Batch> iterator() {
    Integer n = numBatches();
    return new Iterator<>() {
      private int i;

      @Override
      public boolean hasNext() {
        return n == null || i < n;
      }

      @Override
      public Batch next() {
        if (!hasNext()) {
          throw new NoSuchElementException("PyDataset has " + n + " batches");
        }
        return getItem(i++);
      }
    };
  }
}
