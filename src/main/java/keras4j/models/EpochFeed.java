package keras4j.models;

import java.util.Random;

/**
 * Keras's {@code EpochIterator}: hands out the batches of one epoch. With {@code steps_per_epoch} the pass over
 * the data continues across epochs and restarts when the data set's batches are used up (an epoch that reaches
 * the end early is cut short, as Keras does with its "ran out of data" warning); without it an epoch is one pass
 * over the data set, of a length learnt at its end when the source does not know it.
 */
final class EpochFeed implements AutoCloseable {
  private final BatchSource source;
  private final Integer stepsPerEpoch;
  private final boolean shuffle;
  private final Random random;
  private Integer numBatches;
  private Enqueuer current;
  private int stepsSeen;
  private boolean ranOut;
  private boolean onePassPerEpoch;

  /** Receives each batch; returns true to stop the epoch. */
  interface Step {
    boolean apply(int step, Enqueuer.Prepared batch);
  }

  EpochFeed(BatchSource source, Integer stepsPerEpoch, boolean shuffle, Random random) {
    this.source = source;
    this.stepsPerEpoch = stepsPerEpoch;
    this.shuffle = shuffle;
    this.random = random;
    this.numBatches = source.numBatches();
  }

  /** For evaluation: each epoch starts a new pass, so no batch past {@code steps} is read ahead. */
  EpochFeed onePassPerEpoch() {
    onePassPerEpoch = true;
    return this;
  }

  /** Keras's {@code num_batches}: steps per epoch, else the source's length (null while unknown). */
  Integer numBatches() {
    return stepsPerEpoch != null ? stepsPerEpoch : numBatches;
  }

  /** True when the last epoch ended because the data ran out before {@code steps_per_epoch}. */
  boolean ranOut() {
    return ranOut;
  }

  /** Keras's {@code reset()}: a fresh pass next time; {@code notify} calls the data set's {@code on_epoch_end}. */
  void reset(boolean notify) {
    closeCurrent();
    numBatches = source.numBatches();
    stepsSeen = 0;
    if (notify) {
      source.onEpochEnd();
    }
  }

  private Enqueuer open() {
    java.util.Iterator<java.util.concurrent.Callable<keras4j.utils.Batch>> tasks = source.pass(shuffle, random);
    if (onePassPerEpoch && stepsPerEpoch != null) {
      java.util.Iterator<java.util.concurrent.Callable<keras4j.utils.Batch>> all = tasks;
      int[] left = {stepsPerEpoch};
      tasks = new java.util.Iterator<>() {
        @Override
        public boolean hasNext() {
          return left[0] > 0 && all.hasNext();
        }

        @Override
        public java.util.concurrent.Callable<keras4j.utils.Batch> next() {
          left[0]--;
          return all.next();
        }
      };
    }
    return new Enqueuer(tasks, source.workers(), source.maxQueueSize());
  }

  private void closeCurrent() {
    if (current != null) {
      current.close();
      current = null;
    }
  }

  /** Runs one epoch; returns the number of steps taken. */
  int epoch(Step step) {
    ranOut = false;
    source.onEpochBegin();
    int taken = 0;
    try {
      int spe = stepsPerEpoch != null ? stepsPerEpoch : numBatches != null ? numBatches : -1;
      if (current == null || stepsPerEpoch == null) {
        closeCurrent();
        current = open();
        stepsSeen = 0;
      }
      for (int s = 0; spe < 0 || s < spe; s++) {
        if (numBatches != null && stepsSeen >= numBatches) {
          ranOut = stepsPerEpoch != null;
          break;
        }
        Enqueuer.Prepared p = current.next();
        if (p == null) {
          if (numBatches == null) {
            numBatches = stepsSeen;
          }
          ranOut = stepsPerEpoch != null || spe > 0;
          closeCurrent();
          break;
        }
        stepsSeen++;
        taken++;
        boolean stop;
        try {
          stop = step.apply(s, p);
        } finally {
          p.close();
        }
        if (stop) {
          break;
        }
      }
      if (current != null && numBatches != null && stepsSeen >= numBatches) {
        closeCurrent();
      }
      if (stepsPerEpoch == null) {
        closeCurrent();
      }
    } catch (RuntimeException | Error e) {
      closeCurrent();
      throw e;
    }
    source.onEpochEnd();
    return taken;
  }

  @Override
  public void close() {
    closeCurrent();
  }
}
