package keras4j.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import keras4j.layers.Layer;
import keras4j.models.Model;
import keras4j.models.Models;

/**
 * The models of one executor JVM: a model travels as {@code .keras} bytes and is loaded once per JVM and kept, so
 * that every task of every stage on that executor reuses it. Tasks running at the same time in one JVM take turns
 * on a model (TensorFlow already spreads one batch over the executor's cores). Released at JVM exit or by
 * {@link #release()}.
 */
final class ExecutorModels {
  private static final Map<String, Loaded> MODELS = new ConcurrentHashMap<>();
  private static final Object LOCK = new Object();
  private static boolean hooked;

  private ExecutorModels() {}

  /** A loaded model and the model that scores (the whole model, or the part up to a named layer). */
  static final class Loaded {
    final Model model;
    final Model scoring;
    private final keras4j.backend.Context context;

    Loaded(Model model, Model scoring) {
      this.model = model;
      this.scoring = scoring;
      this.context = keras4j.backend.Context.current();
    }

    /** False once the backend session it was built in was cleared. */
    boolean usable() {
      return !context.isClosed();
    }
  }

  static String digest(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The model for these bytes (and layer), loading it on first use in this JVM. */
  static Loaded get(String digest, byte[] bytes, String layer) {
    String key = digest + "/" + (layer == null ? "" : layer);
    Loaded l = MODELS.get(key);
    if (l != null && l.usable()) {
      return l;
    }
    synchronized (LOCK) {
      l = MODELS.get(key);
      if (l != null && l.usable()) {
        return l;
      }
      l = load(bytes, layer);
      MODELS.put(key, l);
      if (!hooked) {
        hooked = true;
        Runtime.getRuntime().addShutdownHook(new Thread(ExecutorModels::release, "keras4j-spark-release"));
      }
      return l;
    }
  }

  private static Loaded load(byte[] bytes, String layer) {
    Path tmp = null;
    try {
      tmp = Files.createTempFile("keras4j-spark-", ".keras");
      Files.write(tmp, bytes);
      Model m = Models.load(tmp);
      Model scoring = m;
      if (layer != null) {
        Layer target = m.getLayer(layer);
        if (target.inboundNodes().isEmpty()) {
          throw new IllegalArgumentException("Layer \"" + layer + "\" of model " + m.name() + " is not connected");
        }
        scoring = new Model(m.inputs(), target.inboundNodes().get(0).outputs());
      }
      return new Loaded(m, scoring);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot stage the model for loading: " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // a temporary file left behind
        }
      }
    }
  }

  /** How many models this JVM holds. */
  static int size() {
    return MODELS.size();
  }

  /** Closes and forgets every model of this JVM. */
  static void release() {
    synchronized (LOCK) {
      for (Loaded l : MODELS.values()) {
        try {
          l.scoring.close();
          l.model.close();
        } catch (RuntimeException ignored) {
          // the backend may already be gone at JVM exit
        }
      }
      MODELS.clear();
    }
  }
}
