package keras4j.datasets;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import keras4j.backend.Shapes;

/** The {@code .npy} format (versions 1 to 3) for {@code uint8} arrays, as {@code numpy.save} writes it. */
final class Npy {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
  private static final int MAX_HEADER = 1 << 16;

  private Npy() {}

  /** Reads one array; {@code name} is used in error messages. Fails if the stream holds more than the array. */
  static RawArray read(InputStream in, String name) throws IOException {
    byte[] prefix = readFully(in, 8, name, "the .npy magic and version");
    for (int i = 0; i < MAGIC.length; i++) {
      if (prefix[i] != MAGIC[i]) {
        throw new IOException(name + ": not a .npy array: it does not start with \\x93NUMPY");
      }
    }
    int major = prefix[6] & 0xFF;
    long headerLength;
    if (major == 1) {
      byte[] len = readFully(in, 2, name, "the header length");
      headerLength = (len[0] & 0xFF) | (len[1] & 0xFF) << 8;
    } else if (major == 2 || major == 3) {
      byte[] len = readFully(in, 4, name, "the header length");
      headerLength = (len[0] & 0xFFL) | (len[1] & 0xFFL) << 8 | (len[2] & 0xFFL) << 16 | (len[3] & 0xFFL) << 24;
    } else {
      throw new IOException(name + ": .npy format version " + major + "." + (prefix[7] & 0xFF)
          + ", expected 1.0, 2.0 or 3.0");
    }
    if (headerLength > MAX_HEADER) {
      throw new IOException(name + ": .npy header of " + headerLength + " bytes, expected at most " + MAX_HEADER);
    }
    String header = new String(readFully(in, (int) headerLength, name, "the header"),
        major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    long[] shape = parseHeader(header, name);
    long size = RawArray.size(shape);
    if (size > Integer.MAX_VALUE - 8) {
      throw new IOException(name + ": shape " + Shapes.format(shape) + " is too large to load");
    }
    byte[] data = in.readNBytes((int) size);
    if (data.length < size) {
      throw new IOException(name + ": truncated: shape " + Shapes.format(shape) + " needs " + size
          + " data bytes, received " + data.length);
    }
    if (in.read() >= 0) {
      throw new IOException(name + ": unexpected bytes after the " + size + " data bytes of shape "
          + Shapes.format(shape));
    }
    return new RawArray(shape, data);
  }

  private static long[] parseHeader(String header, String name) throws IOException {
    Matcher descr = DESCR.matcher(header);
    Matcher fortran = FORTRAN.matcher(header);
    Matcher shapeMatch = SHAPE.matcher(header);
    if (!descr.find() || !fortran.find() || !shapeMatch.find()) {
      throw new IOException(name + ": .npy header lacks 'descr', 'fortran_order' or 'shape': " + header.trim());
    }
    String dtype = descr.group(1);
    if (!dtype.equals("|u1") && !dtype.equals("<u1") && !dtype.equals(">u1") && !dtype.equals("=u1")
        && !dtype.equals("u1")) {
      throw new IOException(name + ": dtype '" + dtype + "', expected '|u1' (uint8)");
    }
    List<Long> dims = new ArrayList<>();
    for (String d : shapeMatch.group(1).split(",")) {
      String t = d.trim();
      if (t.endsWith("L")) {
        t = t.substring(0, t.length() - 1);
      }
      if (!t.isEmpty()) {
        try {
          dims.add(Long.parseLong(t));
        } catch (NumberFormatException e) {
          throw new IOException(name + ": .npy shape (" + shapeMatch.group(1) + ") is not a tuple of integers");
        }
      }
    }
    long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
    if (dims.stream().anyMatch(d -> d < 0)) {
      throw new IOException(name + ": negative dimension in the .npy shape " + Shapes.format(shape));
    }
    if (fortran.group(1).equals("True") && shape.length > 1) {
      throw new IOException(name + ": array of shape " + Shapes.format(shape)
          + " is stored in Fortran order, expected C order");
    }
    return shape;
  }

  /** A version 1.0 header, padded so the data starts on a 64-byte boundary, as numpy writes it. */
  static byte[] header(long[] shape) {
    StringBuilder dict = new StringBuilder("{'descr': '|u1', 'fortran_order': False, 'shape': (");
    for (int i = 0; i < shape.length; i++) {
      dict.append(i > 0 ? ", " : "").append(shape[i]);
    }
    dict.append(shape.length == 1 ? ",), }" : "), }");
    int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
    dict.append(" ".repeat((64 - unpadded % 64) % 64)).append('\n');
    byte[] text = dict.toString().getBytes(StandardCharsets.ISO_8859_1);
    byte[] out = new byte[MAGIC.length + 4 + text.length];
    System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
    out[6] = 1;
    out[7] = 0;
    out[8] = (byte) text.length;
    out[9] = (byte) (text.length >> 8);
    System.arraycopy(text, 0, out, 10, text.length);
    return out;
  }

  private static byte[] readFully(InputStream in, int n, String name, String what) throws IOException {
    byte[] b = in.readNBytes(n);
    if (b.length < n) {
      throw new EOFException(name + ": truncated: " + what + " needs " + n + " bytes, received " + b.length);
    }
    return b;
  }
}
