package keras4j.models;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import keras4j.callbacks.Callback;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * Keyword arguments of {@code fit}, {@code evaluate} and {@code predict}, as static factories:
 * {@code model.fit(x, y, epochs(50), batchSize(256), shuffle(true), validationData(xt, yt))} with
 * {@code import static keras4j.models.Fit.*;}.
 */
public final class Fit {
  private Fit() {}

  /** One keyword argument. */
  public interface Option {
    /** Sets this option on the settings of a {@code fit}, {@code evaluate} or {@code predict} call. */
    void applyTo(Settings s);
  }

  /** The resolved arguments, with Keras's defaults. */
  public static final class Settings {
    int epochs = 1;
    int batchSize = 32;
    boolean shuffle = true;
    List<FloatNdArray> validationX;
    List<FloatNdArray> validationY;
    double validationSplit = 0;
    int verbose = 1;
    final List<Callback> callbacks = new ArrayList<>();
    int initialEpoch = 0;
    Integer stepsPerEpoch;
    Integer validationSteps;
    Integer steps;
    Iterable<keras4j.utils.Batch> validationStream;

    static Settings of(Option... options) {
      Settings s = new Settings();
      for (Option o : options) {
        if (o == null) {
          throw new IllegalArgumentException("A fit option is null");
        }
        o.applyTo(s);
      }
      return s;
    }
  }

  /** Keras's {@code epochs} (default 1). */
  public static Option epochs(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("epochs must be at least 1, received " + n);
    }
    return s -> s.epochs = n;
  }

  /** Keras's {@code batch_size} (default 32). */
  public static Option batchSize(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("batch_size must be a positive integer, received " + n);
    }
    return s -> s.batchSize = n;
  }

  /** Keras's {@code shuffle} (default true): the training samples are reshuffled before each epoch. */
  public static Option shuffle(boolean b) {
    return s -> s.shuffle = b;
  }

  /** Keras's {@code validation_data=(x, y)}. */
  public static Option validationData(FloatNdArray x, FloatNdArray y) {
    if (x == null || y == null) {
      throw new IllegalArgumentException("validationData needs both x and y");
    }
    return s -> {
      s.validationX = List.of(x);
      s.validationY = List.of(y);
    };
  }

  /** Keras's {@code validation_data} for several inputs or outputs. */
  public static Option validationData(List<FloatNdArray> x, List<FloatNdArray> y) {
    return s -> {
      s.validationX = List.copyOf(x);
      s.validationY = List.copyOf(y);
    };
  }

  /** Keras's {@code validation_split}: the last fraction of the samples, taken before shuffling. */
  public static Option validationSplit(double fraction) {
    if (!(fraction >= 0 && fraction < 1)) {
      throw new IllegalArgumentException("validation_split must be in [0, 1), received " + fraction);
    }
    return s -> s.validationSplit = fraction;
  }

  /** Keras's {@code verbose}: 0 silent, 1 progress bar (default), 2 one line per epoch. */
  public static Option verbose(int v) {
    if (v < 0 || v > 2) {
      throw new IllegalArgumentException("verbose must be 0, 1 or 2, received " + v);
    }
    return s -> s.verbose = v;
  }

  /** Keras's {@code callbacks=[...]}. */
  public static Option callbacks(Callback... cbs) {
    List<Callback> list = Arrays.asList(cbs);
    return s -> s.callbacks.addAll(list);
  }

  /** Keras's {@code initial_epoch}: the epoch to resume training from. */
  public static Option initialEpoch(int e) {
    if (e < 0) {
      throw new IllegalArgumentException("initial_epoch must be >= 0, received " + e);
    }
    return s -> s.initialEpoch = e;
  }

  /** Keras's {@code steps_per_epoch}: batches per epoch; the pass over the data continues across epochs. */
  public static Option stepsPerEpoch(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("steps_per_epoch must be at least 1, received " + n);
    }
    return s -> s.stepsPerEpoch = n;
  }

  /** Keras's {@code validation_steps}: batches of validation data per epoch (from its start each time). */
  public static Option validationSteps(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("validation_steps must be at least 1, received " + n);
    }
    return s -> s.validationSteps = n;
  }

  /** Keras's {@code steps} of {@code evaluate} and {@code predict}: how many batches to read. */
  public static Option steps(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("steps must be at least 1, received " + n);
    }
    return s -> s.steps = n;
  }

  /** Keras's {@code validation_data=py_dataset} (or a generator): validation batches streamed each epoch. */
  public static Option validationData(Iterable<keras4j.utils.Batch> data) {
    if (data == null) {
      throw new IllegalArgumentException("validationData needs a data set");
    }
    return s -> s.validationStream = data;
  }
}
