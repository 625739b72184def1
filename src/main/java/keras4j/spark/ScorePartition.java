package keras4j.spark;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import javax.imageio.ImageIO;
import keras4j.models.Fit;
import keras4j.utils.Np;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;

/** The task side of {@link ModelScorer}: reads a partition in batches, scores each batch, emits the rows. */
final class ScorePartition implements FlatMapFunction<Iterator<Row>, Row> {
  private static final long serialVersionUID = 1L;
  private final Broadcast<byte[]> model;
  private final String digest;
  private final int index;
  private final ModelScorer.Mode mode;
  private final String layer;
  private final ModelScorer.ErrorMetric metric;
  private final int batchSize;
  private final boolean images;
  private final String column;

  ScorePartition(Broadcast<byte[]> model, String digest, int index, ModelScorer.Mode mode, String layer,
      ModelScorer.ErrorMetric metric, int batchSize, boolean images, String column) {
    this.model = model;
    this.digest = digest;
    this.index = index;
    this.mode = mode;
    this.layer = layer;
    this.metric = metric;
    this.batchSize = batchSize;
    this.images = images;
    this.column = column;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    ExecutorModels.Loaded loaded = ExecutorModels.get(digest, model.value(), layer);
    long[] inShape = loaded.scoring.inputShapes().get(0);
    long rowLength = 1;
    for (int i = 1; i < inShape.length; i++) {
      if (inShape[i] < 0) {
        throw new IllegalArgumentException("Model " + loaded.scoring.name() + " cannot score rows of column \""
            + column + "\": its input " + keras4j.backend.Shapes.format(inShape) + " has a dimension of unknown "
            + "size besides the batch; give the model's input a fixed shape");
      }
      rowLength = rowLength * inShape[i];
    }
    if (rowLength > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("Model " + loaded.scoring.name() + ": one row of its input "
          + keras4j.backend.Shapes.format(inShape) + " holds " + rowLength + " values, too many to score");
    }
    int rowSize = (int) rowLength;
    int size = rowSize;
    return new Iterator<>() {
      private final List<Row> out = new ArrayList<>();
      private int next;

      @Override
      public boolean hasNext() {
        if (next < out.size()) {
          return true;
        }
        out.clear();
        next = 0;
        if (!rows.hasNext()) {
          return false;
        }
        List<Row> in = new ArrayList<>(batchSize);
        while (in.size() < batchSize && rows.hasNext()) {
          in.add(rows.next());
        }
        score(loaded, in, inShape, size, out);
        return !out.isEmpty();
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return out.get(next++);
      }
    };
  }

  private void score(ExecutorModels.Loaded loaded, List<Row> in, long[] inShape, int rowSize, List<Row> out) {
    float[] x = new float[in.size() * rowSize];
    boolean[] present = new boolean[in.size()];
    int n = 0;
    int[] slot = new int[in.size()];
    for (int r = 0; r < in.size(); r++) {
      Row row = in.get(r);
      if (row.isNullAt(index)) {
        slot[r] = -1;
        continue;
      }
      present[r] = true;
      slot[r] = n;
      if (images) {
        decodeImage((byte[]) row.get(index), x, n * rowSize, rowSize);
      } else {
        List<Object> values = row.getList(index);
        if (values.size() != rowSize) {
          throw new IllegalArgumentException("Column \"" + column + "\": a row holds " + values.size()
              + " values, the model's input " + keras4j.backend.Shapes.format(inShape) + " needs " + rowSize);
        }
        int base = n * rowSize;
        for (int i = 0; i < rowSize; i++) {
          Object v = values.get(i);
          x[base + i] = v == null ? Float.NaN : ((Number) v).floatValue();
        }
      }
      n++;
    }
    float[] result = null;
    int outSize = 0;
    if (n > 0) {
      long[] shape = inShape.clone();
      shape[0] = n;
      float[] xs = n == in.size() ? x : java.util.Arrays.copyOf(x, n * rowSize);
      FloatNdArray batch = NdArrays.wrap(Shape.of(shape), DataBuffers.of(xs, true, false));
      FloatNdArray y;
      synchronized (loaded) {
        y = loaded.scoring.predict(batch, Fit.batchSize(n), Fit.verbose(0));
      }
      result = Np.toFloatArray(y);
      outSize = result.length / n;
      if (mode == ModelScorer.Mode.RECONSTRUCTION_ERROR && outSize != rowSize) {
        throw new IllegalArgumentException("Reconstruction error needs an output of the input's size: input "
            + rowSize + " values, output " + outSize);
      }
    }
    for (int r = 0; r < in.size(); r++) {
      Row row = in.get(r);
      Object[] values = new Object[row.length() + 1];
      for (int i = 0; i < row.length(); i++) {
        values[i] = row.get(i);
      }
      if (present[r]) {
        int k = slot[r];
        values[row.length()] = mode == ModelScorer.Mode.RECONSTRUCTION_ERROR
            ? error(x, k * rowSize, result, k * outSize, rowSize)
            : java.util.Arrays.copyOfRange(result, k * outSize, (k + 1) * outSize);
      }
      out.add(RowFactory.create(values));
    }
  }

  private double error(float[] x, int xo, float[] y, int yo, int n) {
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double a = x[xo + i];
      double b = y[yo + i];
      switch (metric) {
        case MSE -> sum += (a - b) * (a - b);
        case MAE -> sum += Math.abs(a - b);
        default -> {
          double p = Math.min(Math.max(b, 1e-7), 1 - 1e-7);
          sum += -(a * Math.log(p) + (1 - a) * Math.log(1 - p));
        }
      }
    }
    return sum / n;
  }

  private void decodeImage(byte[] bytes, float[] dst, int offset, int rowSize) {
    BufferedImage img;
    try {
      img = ImageIO.read(new ByteArrayInputStream(bytes));
    } catch (IOException e) {
      throw new IllegalArgumentException("Column \"" + column + "\": an image cannot be decoded: " + e.getMessage(), e);
    }
    if (img == null) {
      throw new IllegalArgumentException("Column \"" + column + "\": " + bytes.length
          + " bytes that are not an image ImageIO reads (PNG, JPEG, BMP, GIF)");
    }
    int w = img.getWidth();
    int h = img.getHeight();
    int channels = rowSize / (w * h);
    if (channels * w * h != rowSize || (channels != 1 && channels != 3)) {
      throw new IllegalArgumentException("Column \"" + column + "\": a " + w + "x" + h + " image does not fit the "
          + "model's input of " + rowSize + " values");
    }
    int k = offset;
    for (int yy = 0; yy < h; yy++) {
      for (int xx = 0; xx < w; xx++) {
        int rgb = img.getRGB(xx, yy);
        int r = (rgb >> 16) & 0xFF;
        int g = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        if (channels == 1) {
          dst[k++] = (img.getRaster().getNumBands() == 1 ? img.getRaster().getSample(xx, yy, 0)
              : (int) Math.round(0.299 * r + 0.587 * g + 0.114 * b)) / 255f;
        } else {
          dst[k++] = r / 255f;
          dst[k++] = g / 255f;
          dst[k++] = b / 255f;
        }
      }
    }
  }
}
