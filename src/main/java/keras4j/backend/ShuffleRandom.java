package keras4j.backend;

import java.util.Collections;
import java.util.Map;
import java.util.Random;
import java.util.WeakHashMap;

/**
 * The generator that shuffles a model's training samples before each epoch, one per model, whose state is saved with
 * the model ({@code .keras} metadata, legacy {@code .h5} attribute) so that training resumed from a file shuffles as
 * the uninterrupted run would. It is {@link Random}'s own 48-bit linear congruential generator with its seed exposed;
 * a model's generator is seeded from the backend's random source at its first {@code fit}.
 */
public final class ShuffleRandom extends Random {
  private static final long MULTIPLIER = 0x5DEECE66DL;
  private static final long MASK = (1L << 48) - 1;
  private static final Map<Object, ShuffleRandom> BY_MODEL = Collections.synchronizedMap(new WeakHashMap<>());

  private long state;

  private ShuffleRandom(long scrambledState) {
    this.state = scrambledState & MASK;
  }

  /** The model's generator, created from the backend's random source on first use. */
  public static ShuffleRandom of(Object model, Context ctx) {
    return BY_MODEL.computeIfAbsent(model, m -> new ShuffleRandom(ctx.random().nextLong() ^ MULTIPLIER));
  }

  /** The state to save, or null when the model never shuffled. */
  public static Long savedState(Object model) {
    ShuffleRandom r = BY_MODEL.get(model);
    return r == null ? null : r.state();
  }

  /** Restores a saved state (a loaded model continues the sequence its file recorded). */
  public static void restore(Object model, long state) {
    BY_MODEL.put(model, new ShuffleRandom(state));
  }

  public synchronized long state() {
    return state;
  }

  @Override
  protected synchronized int next(int bits) {
    state = (state * MULTIPLIER + 0xBL) & MASK;
    return (int) (state >>> (48 - bits));
  }
}
