package keras4j.utils;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import keras4j.testing.KerasPython;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;

/** Memory-mapped .npy reading in windows: rows across window borders, numpy's files, bad files. */
class MappedNpyTest {
  @TempDir
  Path dir;

  private static FloatNdArray ramp(int rows, int cols) {
    FloatNdArray a = NdArrays.ofFloats(Shape.of(rows, cols));
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        a.setFloat(r * 1000 + c, r, c);
      }
    }
    return a;
  }

  @Test
  void readsRowsAcrossSmallWindows() {
    FloatNdArray a = ramp(37, 5);
    Path f = NpyWriter.save(dir.resolve("a.npy"), a);
    // windows of 3 rows, 2 mapped at a time: every read below crosses windows and evicts others
    try (MappedNpy m = MappedNpy.open(f, 3 * 5 * 4 + 7, 2)) {
      assertEquals(37, m.rows());
      assertEquals(3 * 5 * 4, m.windowBytes());
      for (int from = 0; from < 37; from += 4) {
        int to = Math.min(37, from + 8);
        float[] got = new float[(to - from) * 5];
        m.read(from, to, got, 0);
        float[] want = Arrays.copyOfRange(Np.toFloatArray(a), from * 5, to * 5);
        assertArrayEquals(want, got, "rows " + from + " to " + to);
      }
      assertThrows(IndexOutOfBoundsException.class, () -> m.rows(30, 38));
    }
  }

  @Test
  void createWritesAFileNumpyReads() throws Exception {
    Path f = dir.resolve("w.npy");
    try (MappedNpy m = MappedNpy.create(f, 6, 2)) {
      m.write(0, new float[] {1, 2, 3, 4}, 0, 2);
      m.write(4, new float[] {9, 8, 7, 6}, 0, 2);
    }
    try (MappedNpy m = MappedNpy.open(f)) {
      assertArrayEquals(new float[] {1, 2, 3, 4, 0, 0, 0, 0, 9, 8, 7, 6}, Np.toFloatArray(m.rows(0, 6)));
    }
  }

  @Test
  void numpyReadsWhatCreateWrote() throws Exception {
    KerasPython.python();
    Path f = dir.resolve("n.npy");
    try (MappedNpy m = MappedNpy.create(f, 3, 2)) {
      m.write(1, new float[] {1.5f, 2.5f, 3.5f, 4.5f}, 0, 2);
    }
    Path script = dir.resolve("read.py");
    Files.writeString(script, "import numpy as np,sys\na=np.load(sys.argv[1], mmap_mode='r')\n"
        + "print(a.dtype, a.shape, a.tolist())\n");
    String out = KerasPython.run(script, 120, f.toString()).trim();
    assertEquals("float32 (3, 2) [[0.0, 0.0], [1.5, 2.5], [3.5, 4.5]]", out);
  }

  @Test
  void badFilesAreClearErrorsNamingTheFile() throws Exception {
    Path f = NpyWriter.save(dir.resolve("t.npy"), ramp(10, 4));
    byte[] all = Files.readAllBytes(f);
    Path cut = dir.resolve("cut.npy");
    Files.write(cut, Arrays.copyOf(all, all.length - 5));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MappedNpy.open(cut));
    assertTrue(e.getMessage().contains("cut.npy") && e.getMessage().contains("truncated"), e.getMessage());
    Path junk = dir.resolve("junk.npy");
    Files.write(junk, "hello world, not numpy".getBytes());
    e = assertThrows(IllegalArgumentException.class, () -> MappedNpy.open(junk));
    assertTrue(e.getMessage().contains("junk.npy") && e.getMessage().contains("NUMPY"), e.getMessage());
    Path ints = dir.resolve("ints.npy");
    byte[] header = new String(all, 10, 118, java.nio.charset.StandardCharsets.ISO_8859_1).replace("<f4", "<i4")
        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    byte[] swapped = all.clone();
    System.arraycopy(header, 0, swapped, 10, header.length);
    Files.write(ints, swapped);
    e = assertThrows(IllegalArgumentException.class, () -> MappedNpy.open(ints));
    assertTrue(e.getMessage().contains("'<i4'"), e.getMessage());
    // negative dimensions whose product matches the data were accepted and failed later without the file's name
    Path negative = dir.resolve("negative.npy");
    Files.write(negative, new String(all, java.nio.charset.StandardCharsets.ISO_8859_1).replace("(10, 4)", "(-5,-8)")
        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    e = assertThrows(IllegalArgumentException.class, () -> MappedNpy.open(negative));
    assertTrue(e.getMessage().contains("negative.npy") && e.getMessage().contains("negative dimension"), e.getMessage());
    Path xs = NpyWriter.save(dir.resolve("xs.npy"), ramp(10, 4));
    Path ys = NpyWriter.save(dir.resolve("ys.npy"), ramp(9, 4));
    e = assertThrows(IllegalArgumentException.class, () -> new NpyDataset(xs, ys, 4));
    assertTrue(e.getMessage().contains("10 rows") && e.getMessage().contains("9"), e.getMessage());
  }
}
