package keras4j.saving;

import io.jhdf.HdfFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipOutputStream;
import keras4j.backend.Compatibility;
import keras4j.models.Model;

/** Keras 3's {@code .keras} archive: a zip of {@code metadata.json}, {@code config.json} and {@code model.weights.h5}. */
final class KerasArchive {
  static final String KERAS_VERSION = "3.6.0";
  /** The metadata key (and legacy .h5 attribute) holding the shuffling generator's state; Keras ignores it. */
  static final String SHUFFLE_STATE = "keras4j_shuffle_state";
  private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

  private KerasArchive() {}

  static boolean isZip(Path path) {
    byte[] head = new byte[4];
    try (InputStream in = Files.newInputStream(path)) {
      return in.readNBytes(head, 0, 4) == 4 && java.util.Arrays.equals(head, ZIP_MAGIC);
    } catch (IOException e) {
      return false;
    }
  }

  static void save(Model model, Path path) {
    ModelConfigWriter writer = new ModelConfigWriter(ModelConfigWriter.Dialect.KERAS_3);
    Map<String, Object> config = writer.model(model);
    if (model.compiled()) {
      config.put("compile_config", CompileConfig.compileConfig(model));
    }
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("keras_version", KERAS_VERSION);
    metadata.put("date_saved", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd@HH:mm:ss")));
    metadata.put("keras4j_version", SavingApi.KERAS4J_VERSION);
    Long shuffle = keras4j.backend.ShuffleRandom.savedState(model);
    if (shuffle != null) {
      metadata.put(SHUFFLE_STATE, shuffle);
    }
    Path weights = keras4j.utils.AtomicWrite.temporarySibling(path.resolveSibling(path.getFileName() + ".weights.h5"));
    try {
      Keras3Format.save(model, weights);
      keras4j.utils.AtomicWrite.write(path, tmp -> {
        try (OutputStream os = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW);
            ZipOutputStream zip = new ZipOutputStream(os)) {
          put(zip, "metadata.json", Json.write(metadata).getBytes(StandardCharsets.UTF_8));
          put(zip, "config.json", Json.write(config).getBytes(StandardCharsets.UTF_8));
          zip.putNextEntry(new ZipEntry("model.weights.h5"));
          Files.copy(weights, zip);
          zip.closeEntry();
        }
      });
    } finally {
      try {
        Files.deleteIfExists(weights);
      } catch (IOException ignored) {
        // a leftover temporary file does not affect the result
      }
    }
  }

  private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(data);
    zip.closeEntry();
  }

  /** The largest config.json / metadata.json accepted ({@code keras4j.maxConfigBytes}, default 64 MiB). */
  static final long MAX_CONFIG_BYTES = Long.getLong("keras4j.maxConfigBytes", 64L << 20);
  /** The largest model.weights.h5 accepted ({@code keras4j.maxWeightsBytes}, default 32 GiB). */
  static final long MAX_WEIGHTS_BYTES = Long.getLong("keras4j.maxWeightsBytes", 32L << 30);
  /** An entry expanding more than this many times (and past 64 MiB) is refused as a zip bomb. */
  static final long MAX_RATIO = 200;

  /**
   * Reads the small entries (JSON) into memory and streams model.weights.h5 into a temporary file, checking every
   * entry's declared size against the limits and the bytes actually inflated against the declared size.
   */
  static final class Entries implements AutoCloseable {
    final Map<String, byte[]> json = new HashMap<>();
    final java.util.List<String> names = new java.util.ArrayList<>();
    Path weights;

    @Override
    public void close() {
      if (weights != null) {
        try {
          Files.deleteIfExists(weights);
        } catch (IOException ignored) {
          // the temporary directory is cleaned by the system
        }
      }
    }
  }

  static Entries entries(Path path) {
    Entries out = new Entries();
    try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(path.toFile())) {
      for (java.util.Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
        ZipEntry e = en.nextElement();
        String name = e.getName();
        out.names.add(name);
        boolean isJson = name.equals("config.json") || name.equals("metadata.json");
        boolean isWeights = name.equals("model.weights.h5");
        if (!isJson && !isWeights) {
          continue;
        }
        long limit = isJson ? MAX_CONFIG_BYTES : MAX_WEIGHTS_BYTES;
        long declared = e.getSize();
        if (declared > limit) {
          throw new IllegalArgumentException(path + ": entry " + name + " declares " + declared
              + " bytes, more than the limit of " + limit);
        }
        long compressed = e.getCompressedSize();
        if (declared > (64L << 20) && compressed > 0 && declared / compressed > MAX_RATIO) {
          throw new IllegalArgumentException(path + ": entry " + name + " expands " + compressed + " bytes to " + declared
              + " (more than " + MAX_RATIO + " times): refused as a zip bomb");
        }
        long max = declared >= 0 ? Math.min(declared, limit) : limit;
        try (InputStream in = zip.getInputStream(e)) {
          if (isJson) {
            byte[] b = in.readNBytes((int) Math.min(max, Integer.MAX_VALUE - 8));
            if (in.read() >= 0) {
              throw sizeMismatch(path, name, declared, limit);
            }
            out.json.put(name, b);
          } else {
            out.weights = Files.createTempFile("keras4j-load-", ".weights.h5");
            try (OutputStream os = Files.newOutputStream(out.weights)) {
              long n = copy(in, os, max);
              if (in.read() >= 0 || declared >= 0 && n != declared) {
                throw sizeMismatch(path, name, declared, limit);
              }
            }
          }
        }
      }
    } catch (ZipException | java.io.EOFException e) {
      out.close();
      throw new IllegalArgumentException(path + " is truncated or corrupted and cannot be read as a .keras zip archive: "
          + e.getMessage(), e);
    } catch (IOException e) {
      out.close();
      throw new UncheckedIOException("Cannot read " + path + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      out.close();
      throw e instanceof IllegalArgumentException && String.valueOf(e.getMessage()).contains(path.toString()) ? e
          : new IllegalArgumentException(path + " is not a readable .keras zip archive: " + e.getMessage(), e);
    }
    if (out.names.isEmpty()) {
      throw new IllegalArgumentException(path + " is not a .keras archive: the zip is empty or truncated");
    }
    return out;
  }

  private static IllegalArgumentException sizeMismatch(Path path, String name, long declared, long limit) {
    return new IllegalArgumentException(path + ": entry " + name + " holds more data than "
        + (declared >= 0 ? "its declared size of " + declared + " bytes" : "the limit of " + limit + " bytes"));
  }

  private static long copy(InputStream in, OutputStream os, long max) throws IOException {
    byte[] buf = new byte[1 << 16];
    long n = 0;
    while (n < max) {
      int r = in.read(buf, 0, (int) Math.min(buf.length, max - n));
      if (r < 0) {
        break;
      }
      os.write(buf, 0, r);
      n += r;
    }
    return n;
  }

  static Model load(Path path) {
    String source = path.toString();
    try (Entries entries = entries(path)) {
      byte[] config = entries.json.get("config.json");
      if (config == null || entries.weights == null) {
        throw new IllegalArgumentException(path + " is not a complete .keras archive: expected config.json and "
            + "model.weights.h5, found " + entries.names);
      }
      String version = null;
      Long shuffle = null;
      if (entries.json.containsKey("metadata.json")) {
        Map<String, Object> meta = Json.parseObject(new String(entries.json.get("metadata.json"), StandardCharsets.UTF_8),
            source + " (metadata.json)");
        version = meta.get("keras_version") instanceof String s ? s : null;
        shuffle = meta.get(SHUFFLE_STATE) instanceof Number n ? n.longValue() : null;
      }
      Map<String, Object> root = Json.parseObject(new String(config, StandardCharsets.UTF_8), source + " (config.json)");
      Model model = new ModelConfigReader(source, version == null ? Compatibility.KERAS_3 : Compatibility.ofVersion(version))
          .read(root);
      try (HdfFile f = Hdf5.open(entries.weights, source + " (model.weights.h5)")) {
        Keras3Format.loadWeights(model, f, source);
        if (root.get("compile_config") instanceof Map<?, ?> cc) {
          @SuppressWarnings("unchecked")
          Map<String, Object> ccm = (Map<String, Object>) cc;
          CompileConfig.compileFromCompileConfig(model, ccm, source);
          Keras3Format.loadOptimizer(model, f, source);
        }
      }
      if (shuffle != null) {
        keras4j.backend.ShuffleRandom.restore(model, shuffle);
      }
      return model;
    }
  }
}
