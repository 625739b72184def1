package keras4j.utils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;

/**
 * A float32 {@code .npy} file ({@code np.load(path, mmap_mode='r')}) read row by row through memory-mapped windows,
 * so that files larger than memory (and than the 2 GiB a single Java mapping allows) are read without loading
 * them. At most {@link #maxWindows()} windows of {@link #windowBytes()} are mapped at a time; a window pushed out
 * is unmapped at once, which keeps the resident memory bounded. Thread-safe.
 */
public final class MappedNpy implements AutoCloseable {
  /** Default window: 256 MiB. */
  public static final long DEFAULT_WINDOW_BYTES = 256L << 20;
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

  private final Path path;
  private final FileChannel channel;
  private final boolean writable;
  private final long[] shape;
  private final long dataOffset;
  private final long rows;
  private final int rowFloats;
  private final long rowsPerWindow;
  private final int maxWindows;
  private final Map<Long, FloatBuffer> windows = new LinkedHashMap<>(16, 0.75f, true);
  private final Map<Long, MappedByteBuffer> mapped = new LinkedHashMap<>();
  private boolean closed;

  private MappedNpy(Path path, FileChannel channel, boolean writable, long[] shape, long dataOffset,
      long windowBytes, int maxWindows) {
    this.path = path;
    this.channel = channel;
    this.writable = writable;
    this.shape = shape;
    this.dataOffset = dataOffset;
    this.rows = shape[0];
    long rf = 1;
    for (int i = 1; i < shape.length; i++) {
      rf *= shape[i];
    }
    if (rf * 4 > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(path + ": one row of shape " + java.util.Arrays.toString(shape) + " has "
          + rf * 4 + " bytes; rows of at most 2 GiB can be mapped");
    }
    this.rowFloats = (int) rf;
    long rowBytes = Math.max(4, rf * 4);
    long w = Math.min(windowBytes, 1L << 30);
    this.rowsPerWindow = Math.max(1, w / rowBytes);
    this.maxWindows = maxWindows;
  }

  /** Opens a float32 {@code .npy} file for reading with the default window size and two windows. */
  public static MappedNpy open(Path path) {
    return open(path, DEFAULT_WINDOW_BYTES, 2);
  }

  /** Opens a float32 {@code .npy} file for reading, mapping at most {@code maxWindows} windows of the given size. */
  public static MappedNpy open(Path path, long windowBytes, int maxWindows) {
    if (windowBytes < 1 || maxWindows < 1) {
      throw new IllegalArgumentException("window size and count must be positive, received " + windowBytes + ", "
          + maxWindows);
    }
    FileChannel ch;
    try {
      ch = FileChannel.open(path, StandardOpenOption.READ);
    } catch (IOException e) {
      throw new UncheckedIOException(path + ": cannot open: " + e.getMessage(), e);
    }
    try {
      long size = ch.size();
      ByteBuffer pre = ByteBuffer.allocate((int) Math.min(size, 10)).order(ByteOrder.LITTLE_ENDIAN);
      ch.read(pre, 0);
      if (pre.position() < 10) {
        throw new IllegalArgumentException(path + ": not a .npy file: " + size + " bytes, shorter than the header");
      }
      for (int i = 0; i < MAGIC.length; i++) {
        if (pre.get(i) != MAGIC[i]) {
          throw new IllegalArgumentException(path + ": not a .npy file: it does not start with \\x93NUMPY");
        }
      }
      int major = pre.get(6) & 0xFF;
      long headerLength;
      long headerStart;
      if (major == 1) {
        headerLength = pre.getShort(8) & 0xFFFF;
        headerStart = 10;
      } else if (major == 2 || major == 3) {
        ByteBuffer len = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
        ch.read(len, 8);
        headerLength = len.getInt(0) & 0xFFFFFFFFL;
        headerStart = 12;
      } else {
        throw new IllegalArgumentException(path + ": .npy format version " + major + ", expected 1, 2 or 3");
      }
      if (headerLength > 1 << 20 || headerStart + headerLength > size) {
        throw new IllegalArgumentException(path + ": truncated .npy header (" + headerLength + " bytes declared, file "
            + size + " bytes)");
      }
      ByteBuffer hb = ByteBuffer.allocate((int) headerLength);
      ch.read(hb, headerStart);
      String header = new String(hb.array(), StandardCharsets.ISO_8859_1);
      long[] shape = parseHeader(header, path);
      long dataOffset = headerStart + headerLength;
      long expected = 4;
      for (long d : shape) {
        expected = Math.multiplyExact(expected, d);
      }
      if (size - dataOffset != expected) {
        throw new IllegalArgumentException(path + ": shape " + java.util.Arrays.toString(shape) + " needs " + expected
            + " data bytes, the file holds " + (size - dataOffset) + (size - dataOffset < expected ? " (truncated)" : ""));
      }
      return new MappedNpy(path, ch, false, shape, dataOffset, windowBytes, maxWindows);
    } catch (IOException e) {
      closeQuietly(ch);
      throw new UncheckedIOException(path + ": cannot read: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(ch);
      throw e;
    }
  }

  /**
   * Creates a float32 {@code .npy} file of the given shape (numpy's {@code open_memmap(path, 'w+', ...)}), filled
   * with zeros (sparse where the file system allows), to be written with {@link #write}.
   */
  public static MappedNpy create(Path path, long... shape) {
    if (shape.length == 0 || java.util.Arrays.stream(shape).anyMatch(d -> d < 0)) {
      throw new IllegalArgumentException(path + ": invalid shape " + java.util.Arrays.toString(shape));
    }
    byte[] header = NpyWriter.header(shape);
    long bytes = 4;
    for (long d : shape) {
      bytes = Math.multiplyExact(bytes, d);
    }
    try {
      FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
          StandardOpenOption.READ, StandardOpenOption.WRITE);
      ByteBuffer head = ByteBuffer.allocate(10 + header.length);
      head.put(MAGIC).put((byte) 1).put((byte) 0).put((byte) (header.length & 0xFF))
          .put((byte) (header.length >> 8)).put(header).flip();
      ch.write(head, 0);
      long end = 10 + header.length + bytes;
      if (bytes > 0) {
        ch.write(ByteBuffer.allocate(1), end - 1);
      }
      return new MappedNpy(path, ch, true, shape, 10 + header.length, DEFAULT_WINDOW_BYTES, 2);
    } catch (IOException e) {
      throw new UncheckedIOException(path + ": cannot create: " + e.getMessage(), e);
    }
  }

  private static long[] parseHeader(String header, Path path) {
    Matcher descr = DESCR.matcher(header);
    Matcher fortran = FORTRAN.matcher(header);
    Matcher shapeMatch = SHAPE.matcher(header);
    if (!descr.find() || !fortran.find() || !shapeMatch.find()) {
      throw new IllegalArgumentException(path + ": .npy header lacks 'descr', 'fortran_order' or 'shape': "
          + header.trim());
    }
    String dtype = descr.group(1);
    if (!dtype.equals("<f4") && !dtype.equals("=f4") && !dtype.equals("f4")) {
      throw new IllegalArgumentException(path + ": dtype '" + dtype + "', expected '<f4' (float32, little-endian); "
          + "convert with x.astype('float32')");
    }
    if (fortran.group(1).equals("True")) {
      throw new IllegalArgumentException(path + ": Fortran-ordered array; save it in C order (np.ascontiguousarray)");
    }
    List<Long> dims = new ArrayList<>();
    for (String d : shapeMatch.group(1).split(",")) {
      String t = d.trim();
      if (!t.isEmpty()) {
        try {
          dims.add(Long.parseLong(t.endsWith("L") ? t.substring(0, t.length() - 1) : t));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(path + ": invalid shape in .npy header: " + header.trim());
        }
      }
    }
    if (dims.isEmpty()) {
      throw new IllegalArgumentException(path + ": a scalar .npy array has no rows to read");
    }
    if (dims.stream().anyMatch(d -> d < 0)) {
      throw new IllegalArgumentException(path + ": negative dimension in the shape of the .npy header: " + dims);
    }
    return dims.stream().mapToLong(Long::longValue).toArray();
  }

  /** The file. */
  public Path path() {
    return path;
  }

  /** The array's shape, rows first. */
  public long[] shape() {
    return shape.clone();
  }

  /** The number of rows (first dimension). */
  public long rows() {
    return rows;
  }

  /** The number of floats in one row. */
  public int rowSize() {
    return rowFloats;
  }

  /** The largest mapped window, in bytes (whole rows). */
  public long windowBytes() {
    return rowsPerWindow * rowFloats * 4L;
  }

  /** How many windows may be mapped at once. */
  public int maxWindows() {
    return maxWindows;
  }

  /** Copies rows {@code [from, to)} into {@code dst} from {@code offset}. */
  public synchronized void read(long from, long to, float[] dst, int offset) {
    checkRange(from, to);
    if ((to - from) * rowFloats > dst.length - (long) offset) {
      throw new IllegalArgumentException("Rows " + from + " to " + to + " of " + path + " need "
          + (to - from) * rowFloats + " floats, the destination has " + (dst.length - offset));
    }
    int pos = offset;
    long r = from;
    while (r < to) {
      long w = r / rowsPerWindow;
      long end = Math.min(to, (w + 1) * rowsPerWindow);
      int n = (int) ((end - r) * rowFloats);
      window(w).get((int) ((r - w * rowsPerWindow) * rowFloats), dst, pos, n);
      pos += n;
      r = end;
    }
  }

  /** Rows {@code [from, to)} as a heap array of shape {@code (to - from, ...)}. */
  public FloatNdArray rows(long from, long to) {
    checkRange(from, to);
    long n = (to - from) * rowFloats;
    if (n > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("Rows " + from + " to " + to + " of " + path + " are too many for one array");
    }
    float[] data = new float[(int) n];
    read(from, to, data, 0);
    long[] s = shape.clone();
    s[0] = to - from;
    return NdArrays.wrap(Shape.of(s), DataBuffers.of(data, false, false));
  }

  /** Writes {@code count} rows from {@code src} (from {@code offset}) starting at row {@code row}. */
  public synchronized void write(long row, float[] src, int offset, int count) {
    if (!writable) {
      throw new IllegalStateException(path + " was opened for reading");
    }
    checkRange(row, row + count);
    int pos = offset;
    long r = row;
    long to = row + count;
    while (r < to) {
      long w = r / rowsPerWindow;
      long end = Math.min(to, (w + 1) * rowsPerWindow);
      int n = (int) ((end - r) * rowFloats);
      window(w).put((int) ((r - w * rowsPerWindow) * rowFloats), src, pos, n);
      pos += n;
      r = end;
    }
  }

  private void checkRange(long from, long to) {
    if (closed) {
      throw new IllegalStateException(path + " is closed");
    }
    if (from < 0 || to > rows || from > to) {
      throw new IndexOutOfBoundsException("Rows " + from + " to " + to + " of " + path + ", which has " + rows
          + " rows");
    }
  }

  private FloatBuffer window(long w) {
    FloatBuffer fb = windows.get(w);
    if (fb != null) {
      return fb;
    }
    while (windows.size() >= maxWindows) {
      Iterator<Long> it = windows.keySet().iterator();
      long eldest = it.next();
      it.remove();
      unmap(mapped.remove(eldest));
    }
    long first = w * rowsPerWindow;
    long n = Math.min(rowsPerWindow, rows - first);
    try {
      MappedByteBuffer mb = channel.map(writable ? FileChannel.MapMode.READ_WRITE : FileChannel.MapMode.READ_ONLY,
          dataOffset + first * rowFloats * 4L, n * rowFloats * 4L);
      mb.order(ByteOrder.LITTLE_ENDIAN);
      fb = mb.asFloatBuffer();
      windows.put(w, fb);
      mapped.put(w, mb);
      return fb;
    } catch (IOException e) {
      throw new UncheckedIOException(path + ": cannot map rows " + first + " to " + (first + n) + ": "
          + e.getMessage(), e);
    }
  }

  /** Unmaps every window and closes the file. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (MappedByteBuffer mb : mapped.values()) {
      if (writable) {
        mb.force();
      }
      unmap(mb);
    }
    mapped.clear();
    windows.clear();
    closeQuietly(channel);
  }

  private static void closeQuietly(FileChannel ch) {
    try {
      ch.close();
    } catch (IOException ignored) {
      // nothing to keep
    }
  }

  private static final Method INVOKE_CLEANER;
  private static final Object UNSAFE;

  static {
    Method m = null;
    Object u = null;
    try {
      Class<?> c = Class.forName("sun.misc.Unsafe");
      Field f = c.getDeclaredField("theUnsafe");
      f.setAccessible(true);
      u = f.get(null);
      m = c.getMethod("invokeCleaner", ByteBuffer.class);
    } catch (ReflectiveOperationException | RuntimeException e) {
      m = null;
    }
    INVOKE_CLEANER = m;
    UNSAFE = u;
  }

  /** Releases a mapping now instead of at garbage collection (falls back to the collector). */
  private static void unmap(MappedByteBuffer mb) {
    if (mb == null || INVOKE_CLEANER == null) {
      return;
    }
    try {
      INVOKE_CLEANER.invoke(UNSAFE, mb);
    } catch (ReflectiveOperationException | RuntimeException e) {
      // left to the garbage collector
    }
  }
}
