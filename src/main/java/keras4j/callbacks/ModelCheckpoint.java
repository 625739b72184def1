package keras4j.callbacks;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keras's {@code ModelCheckpoint(filepath, monitor='val_loss', save_best_only=False, save_weights_only=False,
 * mode='auto')}: saves the model (or its weights) after every epoch, or only when the monitored value improves.
 * The path may hold Keras's placeholders, e.g. {@code "ae.{epoch:02d}-{val_loss:.4f}.keras"}. Every write goes
 * to a temporary file that is renamed into place.
 */
public class ModelCheckpoint extends Callback {
  private static final Pattern FIELD = Pattern.compile("\\{([a-zA-Z_][a-zA-Z0-9_]*)(?::([^}]*))?}");

  private final String filepath;
  private String monitor = "val_loss";
  private boolean saveBestOnly;
  private boolean saveWeightsOnly;
  private EarlyStopping.Mode mode = EarlyStopping.Mode.MIN;
  private int verbose;
  private double best = Double.POSITIVE_INFINITY;

  /** Keras's {@code ModelCheckpoint(filepath)}: {@code {epoch}} and the logs' names may appear in the path. */
  public ModelCheckpoint(String filepath) {
    if (filepath == null || filepath.isBlank()) {
      throw new IllegalArgumentException("ModelCheckpoint needs a file path");
    }
    this.filepath = filepath;
  }

  /** Keras's {@code ModelCheckpoint(filepath)}. */
  public ModelCheckpoint(Path filepath) {
    this(filepath.toString());
  }

  /** Keras's {@code monitor}; the mode follows the name as Keras's {@code mode='auto'}. */
  public ModelCheckpoint monitor(String m) {
    this.monitor = m;
    this.mode = m.endsWith("acc") || m.endsWith("accuracy") ? EarlyStopping.Mode.MAX : EarlyStopping.Mode.MIN;
    resetBest();
    return this;
  }

  /** "auto", "min" or "max". */
  public ModelCheckpoint mode(String m) {
    switch (m) {
      case "auto": return monitor(monitor);
      case "min": mode = EarlyStopping.Mode.MIN; break;
      case "max": mode = EarlyStopping.Mode.MAX; break;
      default: throw new IllegalArgumentException("ModelCheckpoint mode '" + m + "' is unknown: expected auto, min or max");
    }
    resetBest();
    return this;
  }

  private void resetBest() {
    best = mode == EarlyStopping.Mode.MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
  }

  /** Keras's {@code save_best_only}. */
  public ModelCheckpoint saveBestOnly(boolean b) {
    this.saveBestOnly = b;
    return this;
  }

  /** Keras's {@code save_weights_only}. */
  public ModelCheckpoint saveWeightsOnly(boolean b) {
    this.saveWeightsOnly = b;
    return this;
  }

  /** Keras's {@code verbose}. */
  public ModelCheckpoint verbose(int v) {
    this.verbose = v;
    return this;
  }

  /** The path for an epoch (0-based) and its logs, with Keras's placeholders filled in. */
  public String pathFor(int epoch, Map<String, Double> logs) {
    Matcher m = FIELD.matcher(filepath);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String key = m.group(1);
      String fmt = m.group(2);
      Object value;
      if (key.equals("epoch")) {
        value = epoch + 1;
      } else if (logs.containsKey(key)) {
        value = logs.get(key);
      } else {
        throw new IllegalArgumentException("ModelCheckpoint path " + filepath + " refers to '" + key
            + "', which is not in the logs " + logs.keySet());
      }
      String text;
      if (fmt == null) {
        text = String.valueOf(value);
      } else if (value instanceof Integer i) {
        text = String.format(Locale.ROOT, "%" + fmt, i);
      } else {
        text = String.format(Locale.ROOT, "%" + fmt, (Double) value);
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(text));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    String path = pathFor(epoch, logs);
    if (saveBestOnly) {
      Double current = logs.get(monitor);
      if (current == null) {
        System.err.println("Can save best model only with " + monitor + " available, skipping. Available: " + logs.keySet());
        return;
      }
      boolean better = mode == EarlyStopping.Mode.MIN ? current < best : current > best;
      if (!better) {
        if (verbose > 0) {
          System.out.printf(Locale.ROOT, "%nEpoch %d: %s did not improve from %.5f%n", epoch + 1, monitor, best);
        }
        return;
      }
      if (verbose > 0) {
        System.out.printf(Locale.ROOT, "%nEpoch %d: %s improved from %.5f to %.5f, saving model to %s%n", epoch + 1,
            monitor, best, current, path);
      }
      best = current;
    } else if (verbose > 0) {
      System.out.printf(Locale.ROOT, "%nEpoch %d: saving model to %s%n", epoch + 1, path);
    }
    if (saveWeightsOnly) {
      model().saveWeights(path);
    } else {
      model().save(path);
    }
  }
}
