package keras4j.models;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import keras4j.backend.Tensors;
import keras4j.utils.Batch;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code OrderedEnqueuer}: reads batches ahead on background threads, in order, and turns them into
 * TensorFlow tensors there, so that the training step finds the next batch ready. Holds at most
 * {@code maxQueueSize} batches; {@link #close()} closes the tensors of batches read but not used.
 */
final class Enqueuer implements AutoCloseable {
  private static final AtomicInteger THREADS = new AtomicInteger();

  /** A batch as tensors, ready to feed; targets that are the same array as an input share its tensor. */
  static final class Prepared implements AutoCloseable {
    final List<TFloat32> x = new ArrayList<>();
    final List<TFloat32> y = new ArrayList<>();
    final List<TFloat32> owned = new ArrayList<>();
    final long size;

    Prepared(Batch b) {
      this.size = b.size();
      try {
        for (FloatNdArray a : b.x()) {
          x.add(own(a));
        }
        if (b.y() != null) {
          for (FloatNdArray a : b.y()) {
            int same = -1;
            for (int i = 0; i < b.x().size(); i++) {
              if (b.x().get(i) == a) {
                same = i;
              }
            }
            y.add(same >= 0 ? x.get(same) : own(a));
          }
        }
      } catch (RuntimeException e) {
        close();
        throw e;
      }
    }

    private TFloat32 own(FloatNdArray a) {
      TFloat32 t = Tensors.of(a);
      owned.add(t);
      return t;
    }

    @Override
    public void close() {
      owned.forEach(Tensor::close);
      owned.clear();
    }
  }

  private final Iterator<Callable<Batch>> tasks;
  private final ExecutorService pool;
  private final int depth;
  private final ArrayDeque<Future<Prepared>> pending = new ArrayDeque<>();
  private boolean ended;

  Enqueuer(Iterator<Callable<Batch>> tasks, int workers, int maxQueueSize) {
    this.tasks = tasks;
    this.depth = Math.max(1, maxQueueSize);
    this.pool = workers == 0 ? null : Executors.newFixedThreadPool(workers, r -> {
      Thread t = new Thread(r, "keras4j-data-" + THREADS.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  private static Prepared prepare(Callable<Batch> task) throws Exception {
    Batch b = task.call();
    return b == null ? null : new Prepared(b);
  }

  /** The next batch, or null at the end of the data. */
  Prepared next() {
    if (pool == null) {
      if (ended || !tasks.hasNext()) {
        return null;
      }
      try {
        Prepared p = prepare(tasks.next());
        ended = p == null;
        return p;
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException("Reading a batch failed: " + e, e);
      }
    }
    while (!ended && pending.size() < depth && tasks.hasNext()) {
      Callable<Batch> task = tasks.next();
      pending.add(pool.submit(() -> prepare(task)));
    }
    Future<Prepared> f = pending.poll();
    if (f == null) {
      return null;
    }
    Prepared p;
    try {
      p = f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for a batch", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException r) {
        throw r;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException("Reading a batch failed: " + c, c);
    }
    if (p == null) {
      ended = true;
      drain();
    } else if (!ended) {
      while (pending.size() < depth && tasks.hasNext()) {
        Callable<Batch> task = tasks.next();
        pending.add(pool.submit(() -> prepare(task)));
      }
    }
    return p;
  }

  /** Waits for the batches read ahead and closes their tensors (a cancelled read could leave them unowned). */
  private void drain() {
    for (Future<Prepared> f : pending) {
      try {
        Prepared p = f.get();
        if (p != null) {
          p.close();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException | CancellationException e) {
        // a batch nobody will use; its tensors, if any, were never made
      }
    }
    pending.clear();
  }

  @Override
  public void close() {
    drain();
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
