package keras4j.saving;

import io.jhdf.HdfFile;
import io.jhdf.Superblock;
import io.jhdf.WritableGroupImpl;
import io.jhdf.storage.HdfFileChannel;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.WritableGroup;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import keras4j.backend.Shapes;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;

/**
 * HDF5 through jhdf (pure Java, no native library): opening with clear errors, Keras's string attributes in
 * every encoding they come in, float data sets, and atomic writes that stay within what jhdf 0.9.4 writes
 * correctly.
 */
public final class Hdf5 {
  static final byte[] MAGIC = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
  /** jhdf 0.9.4 cannot write an attribute message of more than about 59,500 bytes (measured). */
  static final int MAX_STRING_ATTRIBUTE = 55_000;
  static final int MAX_STRING_ARRAY = 3_000;
  static final long ROOT_ADDRESS = 64;

  private Hdf5() {}

  /** Opens an HDF5 file for reading, or says why it cannot be read. */
  public static HdfFile open(Path path) {
    if (!Files.isRegularFile(path)) {
      throw new UncheckedIOException(new java.io.FileNotFoundException("No such file: " + path));
    }
    checkMagic(path);
    try {
      checkLength(head(path), Files.size(path), path.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + path + ": " + e.getMessage(), e);
    }
    try {
      return new HdfFile(path);
    } catch (RuntimeException e) {
      throw corrupt(path.toString(), e);
    }
  }

  /** Opens HDF5 bytes (e.g. {@code model.weights.h5} inside a {@code .keras} zip). */
  /** Opens a temporary copy of an HDF5 file, reporting errors under {@code source}. */
  static HdfFile open(Path path, String source) {
    try {
      byte[] head = head(path);
      if (head.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(head, MAGIC.length), MAGIC)) {
        throw new IllegalArgumentException(source + " is not an HDF5 file (wrong signature)");
      }
      checkLength(head, Files.size(path), source);
      return new HdfFile(path);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + source + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw e instanceof IllegalArgumentException && String.valueOf(e.getMessage()).contains(source) ? e
          : corrupt(source, e);
    }
  }

  public static HdfFile open(byte[] bytes, String source) {
    if (bytes.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
      throw new IllegalArgumentException(source + " is not an HDF5 file (wrong signature)");
    }
    checkLength(bytes, bytes.length, source);
    try {
      return HdfFile.fromBytes(bytes);
    } catch (RuntimeException e) {
      throw corrupt(source, e);
    }
  }

  static IllegalArgumentException corrupt(String source, Throwable e) {
    String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new IllegalArgumentException(source + " is truncated or corrupted and cannot be read as HDF5: " + msg, e);
  }

  private static byte[] head(Path path) throws IOException {
    byte[] b = new byte[64];
    try (InputStream in = Files.newInputStream(path)) {
      int n = in.readNBytes(b, 0, b.length);
      return Arrays.copyOf(b, n);
    }
  }

  /**
   * The superblock records where the file ends; a shorter file was truncated (the check h5py makes). Layout: the
   * end-of-file address follows the base and free-space (v0/v1) or extension (v2/v3) addresses.
   */
  private static void checkLength(byte[] head, long actual, String source) {
    if (head.length < 16) {
      throw new IllegalArgumentException(source + " is truncated or corrupted and cannot be read as HDF5: only "
          + actual + " bytes");
    }
    int version = head[8];
    int sizeOfOffsets = version <= 1 ? head[13] : head[9];
    int at = version == 0 ? 24 + 2 * sizeOfOffsets : version == 1 ? 28 + 2 * sizeOfOffsets : 12 + 2 * sizeOfOffsets;
    if (sizeOfOffsets != 8 || head.length < at + 8) {
      return;
    }
    long eof = java.nio.ByteBuffer.wrap(head, at, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
    if (eof > actual) {
      throw new IllegalArgumentException(source + " is truncated or corrupted and cannot be read as HDF5: the file "
          + "should be " + eof + " bytes long but has " + actual);
    }
  }

  private static void checkMagic(Path path) {
    byte[] head = new byte[MAGIC.length];
    int n;
    try (InputStream in = Files.newInputStream(path)) {
      n = in.readNBytes(head, 0, head.length);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + path + ": " + e.getMessage(), e);
    }
    if (n < MAGIC.length || !Arrays.equals(head, MAGIC)) {
      throw new IllegalArgumentException(path + " is not an HDF5 file (it does not start with the HDF5 signature)");
    }
  }

  /** True if the file starts with the HDF5 signature. */
  static boolean isHdf5(Path path) {
    byte[] head = new byte[MAGIC.length];
    try (InputStream in = Files.newInputStream(path)) {
      return in.readNBytes(head, 0, head.length) == MAGIC.length && Arrays.equals(head, MAGIC);
    } catch (IOException e) {
      return false;
    }
  }

  /** A string attribute (variable- or fixed-length), or null when absent. */
  public static String string(Node node, String name) {
    Attribute a = node.getAttribute(name);
    if (a == null || a.isEmpty()) {
      return null;
    }
    Object d = a.getData();
    if (d instanceof String s) {
      return s;
    }
    if (d instanceof String[] arr && arr.length == 1) {
      return arr[0];
    }
    throw new IllegalArgumentException("Attribute '" + name + "' of " + node.getPath() + " in " + node.getFile()
        + " should be a string, but holds " + d.getClass().getSimpleName());
  }

  /**
   * A string-list attribute as Keras reads it: missing or an empty float64 array means empty; long lists may be
   * split into {@code name0}, {@code name1}, ...
   */
  public static List<String> strings(Node node, String name) {
    List<String> out = new ArrayList<>();
    if (node.getAttribute(name) != null) {
      addStrings(node.getAttribute(name), out, node, name);
      return out;
    }
    for (int chunk = 0; node.getAttribute(name + chunk) != null; chunk++) {
      addStrings(node.getAttribute(name + chunk), out, node, name + chunk);
    }
    return out;
  }

  private static void addStrings(Attribute a, List<String> out, Node node, String name) {
    if (a.isEmpty()) {
      return;
    }
    Object d = a.getData();
    if (d instanceof String s) {
      out.add(s);
    } else if (d instanceof String[] arr) {
      out.addAll(Arrays.asList(arr));
    } else if (d.getClass().isArray() && Array.getLength(d) == 0) {
      return;
    } else {
      throw new IllegalArgumentException("Attribute '" + name + "' of " + node.getPath() + " should list strings, but holds "
          + d.getClass().getSimpleName());
    }
  }

  /** A float data set as an array of its shape (float64 data are narrowed as Keras does). */
  public static FloatNdArray floats(Dataset ds) {
    int[] dims = ds.getDimensions();
    long[] shape = new long[dims.length];
    for (int i = 0; i < dims.length; i++) {
      shape[i] = dims[i];
      if (dims[i] < 0) {
        throw new IllegalArgumentException(ds.getFile() + " (data set " + ds.getPath() + ") is truncated or corrupted: "
            + "its shape " + java.util.Arrays.toString(dims) + " has a negative dimension");
      }
    }
    Object flat;
    try {
      flat = ds.isScalar() ? ds.getData() : ds.getDataFlat();
    } catch (RuntimeException e) {
      throw corrupt(ds.getFile() + " (data set " + ds.getPath() + ")", e);
    }
    float[] values;
    if (flat instanceof float[] f) {
      values = f;
    } else if (flat instanceof double[] d) {
      values = new float[d.length];
      for (int i = 0; i < d.length; i++) {
        values[i] = (float) d[i];
      }
    } else if (flat instanceof Float f) {
      values = new float[] {f};
    } else if (flat instanceof Double d) {
      values = new float[] {d.floatValue()};
    } else if (flat instanceof Number n) {
      values = new float[] {n.floatValue()};
    } else if (flat instanceof long[] l) {
      values = new float[l.length];
      for (int i = 0; i < l.length; i++) {
        values[i] = l[i];
      }
    } else {
      throw new IllegalArgumentException("Data set " + ds.getPath() + " in " + ds.getFile() + " holds "
          + (flat == null ? "nothing" : flat.getClass().getSimpleName()) + "; expected float32 values");
    }
    if (Shape.of(shape).size() != values.length) {
      throw new IllegalArgumentException(ds.getFile() + " (data set " + ds.getPath() + ") is truncated or corrupted: "
          + "its shape " + java.util.Arrays.toString(dims) + " does not match its " + values.length + " values");
    }
    return NdArrays.wrap(Shape.of(shape), DataBuffers.of(values, true, false));
  }

  /** A child group or null. */
  public static Group group(Group parent, String name) {
    Node n = parent.getChild(name);
    return n instanceof Group g ? g : null;
  }

  // ------------------------------------------------------------------ writing

  /**
   * Writes an HDF5 file into a temporary file beside {@code target}, then moves it into place.
   *
   * <p>jhdf 0.9.4's {@code WritableHdfFile.close()} appends its "_jHDF" information block at the channel's current
   * position rather than at the end of the file; when the last object written is a group rather than data, the
   * block overwrites that group's header and the file is corrupt (it is what limited earlier measurements to 190
   * sibling groups). The fix used here: build the tree with jhdf's public {@link WritableGroupImpl} and do the
   * flush ourselves: the root at address 64, then the superblock with the true end of file, and no info block.
   */
  public static void writeAtomically(Path target, Consumer<WritableGroup> content) {
    WritableGroupImpl root = new WritableGroupImpl(null, "/");
    content.accept(root);
    keras4j.utils.AtomicWrite.write(target, tmp -> {
      try (FileChannel fc = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
          StandardOpenOption.READ)) {
        Superblock.SuperblockV2V3 superblock = new Superblock.SuperblockV2V3();
        HdfFileChannel channel = new HdfFileChannel(fc, superblock);
        long end = root.write(channel, ROOT_ADDRESS);
        channel.write(superblock.toBuffer(end), 0);
      }
    });
  }

  /** A string attribute, checked against what jhdf writes correctly. */
  static void putString(WritableGroup g, String name, String value) {
    int bytes = value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    if (bytes > MAX_STRING_ATTRIBUTE) {
      throw new IllegalArgumentException("Cannot store attribute '" + name + "' of " + bytes + " bytes in HDF5 with jhdf "
          + "(limit " + MAX_STRING_ATTRIBUTE + "): the model config is too large for the legacy .h5 format; save as .keras instead");
    }
    g.putAttribute(name, value);
  }

  /** A string-list attribute; long lists are split as Keras splits them ({@code name0}, {@code name1}, ...). */
  static void putStrings(WritableGroup g, String name, List<String> values) {
    if (values.isEmpty()) {
      return;
    }
    int bytes = 0;
    int longest = 0;
    for (String v : values) {
      int b = v.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
      bytes += b;
      longest = Math.max(longest, b);
    }
    int fixed = longest * values.size();
    if (values.size() <= MAX_STRING_ARRAY && fixed <= MAX_STRING_ATTRIBUTE) {
      g.putAttribute(name, values.toArray(new String[0]));
      return;
    }
    int perChunk = Math.max(1, Math.min(MAX_STRING_ARRAY, MAX_STRING_ATTRIBUTE / Math.max(1, longest)));
    for (int c = 0, i = 0; i < values.size(); c++, i += perChunk) {
      List<String> part = values.subList(i, Math.min(values.size(), i + perChunk));
      g.putAttribute(name + c, part.toArray(new String[0]));
    }
  }

  /** A float32 data set of the array's shape. */
  static void putFloats(WritableGroup g, String name, FloatNdArray value) {
    long[] shape = value.shape().asArray();
    if (value.shape().size() == 0) {
      throw new IllegalArgumentException("Cannot write the empty weight " + name + " " + Shapes.format(shape));
    }
    float[] flat = new float[(int) value.shape().size()];
    value.copyTo(DataBuffers.of(flat, false, false));
    g.putDataset(name, reshape(flat, shape));
  }

  /** Nested Java arrays (float[][]...) of the given shape, as jhdf writes them. */
  static Object reshape(float[] flat, long[] shape) {
    if (shape.length == 0) {
      return flat[0];
    }
    if (shape.length == 1) {
      return flat;
    }
    int[] dims = new int[shape.length];
    for (int i = 0; i < dims.length; i++) {
      dims[i] = (int) shape[i];
    }
    Object arr = Array.newInstance(float.class, dims);
    fill(arr, flat, new int[] {0}, dims, 0);
    return arr;
  }

  private static void fill(Object arr, float[] flat, int[] pos, int[] dims, int depth) {
    if (depth == dims.length - 1) {
      float[] row = (float[]) arr;
      System.arraycopy(flat, pos[0], row, 0, row.length);
      pos[0] += row.length;
      return;
    }
    for (int i = 0; i < dims[depth]; i++) {
      fill(Array.get(arr, i), flat, pos, dims, depth + 1);
    }
  }

}
