package keras4j.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import keras4j.backend.Backend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The blog's sequence-to-sequence autoencoder in quick mode: it trains, and writes inputs over reconstructions. */
class Seq2SeqAutoencoderTest {
  @TempDir
  Path dir;

  @AfterAll
  static void clear() {
    Backend.clearSession();
  }

  @Test
  void quickRunTrainsAndWritesTheFigure() {
    Seq2SeqAutoencoder.Result r = Seq2SeqAutoencoder.run(true, dir);
    List<Double> loss = r.history().history().get("loss");
    List<Double> valLoss = r.history().history().get("val_loss");
    assertEquals(1, loss.size());
    assertTrue(loss.get(0) > 0 && loss.get(0) < 0.2, "mse after one epoch on MNIST rows: " + loss);
    assertTrue(valLoss.get(0) > 0 && valLoss.get(0) < 0.2, "validation mse: " + valLoss);
    assertArrayEquals(new long[] {10, 64}, r.codeShape());
    BufferedImage png = QuickRun.read(r.figure());
    assertTrue(png.getWidth() >= 10 * 28 * 2 && png.getHeight() >= 2 * 28 * 2,
        "a row of 10 inputs over 10 reconstructions at scale 2: " + png.getWidth() + " x " + png.getHeight());
  }
}
