package keras4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example ports (the Keras blog's autoencoders and VAE, keras.io's VAE and denoiser) in quick mode with two
 * epochs: each writes exactly its figures as PNGs that decode, are not blank and have the expected size, and its
 * loss falls.
 */
class CustomModelPortsTest {
  @TempDir
  Path dir;

  private NotebookResult run(NotebookPort port) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    return port.run(new NotebookOptions(dir, 2, true, 1, new PrintStream(bytes, true, StandardCharsets.UTF_8)));
  }

  private void check(NotebookResult r, String run, List<String> figures, Map<String, int[]> sizes) throws Exception {
    TreeSet<String> written = new TreeSet<>();
    for (Path p : r.figures()) {
      written.add(p.getFileName().toString());
      var img = ImageIO.read(p.toFile());
      assertTrue(img != null && img.getWidth() > 100, p + " is a PNG");
      assertTrue(distinctColours(img) > 2, p + " is not blank");
      int[] size = sizes.get(p.getFileName().toString());
      if (size != null) {
        assertEquals(size[0], img.getWidth(), p.toString());
        assertEquals(size[1], img.getHeight(), p.toString());
      }
    }
    assertEquals(new TreeSet<>(figures), written);
    List<Double> loss = r.runs().get(run).loss();
    assertEquals(2, loss.size());
    assertTrue(loss.get(1) < loss.get(0), "the loss falls: " + loss);
  }

  private static int distinctColours(java.awt.image.BufferedImage img) {
    java.util.HashSet<Integer> colours = new java.util.HashSet<>();
    for (int y = 0; y < img.getHeight(); y += 2) {
      for (int x = 0; x < img.getWidth(); x += 2) {
        colours.add(img.getRGB(x, y));
      }
    }
    return colours.size();
  }

  @Test
  void blogSimpleAutoencoder() throws Exception {
    check(run(new BlogSimpleAutoencoder()), "simple", List.of("seed105_simple.png", "seed105_simple_loss.png"),
        Map.of());
  }

  @Test
  void blogDeepAutoencoder() throws Exception {
    check(run(new BlogDeepAutoencoder()), "deep", List.of("seed106_deep.png", "seed106_deep_loss.png"), Map.of());
  }

  @Test
  void blogConvAutoencoder() throws Exception {
    check(run(new BlogConvAutoencoder()), "conv", List.of("seed107_conv.png", "seed107_conv_loss.png"), Map.of());
  }

  @Test
  void blogDenoisingAutoencoder() throws Exception {
    check(run(new BlogDenoisingAutoencoder()), "denoising", List.of("seed108_noisy.png", "seed108_denoised.png",
        "seed108_denoising_loss.png"), Map.of());
  }

  @Test
  void blogSeq2SeqAutoencoder() throws Exception {
    check(run(new BlogSeq2SeqAutoencoder()), "seq2seq", List.of("seed109_seq2seq.png", "seed109_seq2seq_loss.png"),
        Map.of());
  }

  @Test
  void blogSparseAutoencoder() throws Exception {
    NotebookResult r = run(new BlogSparseAutoencoder());
    check(r, "sparse", List.of("seed101_sparse.png", "seed101_sparse_loss.png"), Map.of());
    assertTrue(r.numbers().get("encoded_mean") > 0);
  }

  @Test
  void blogVae() throws Exception {
    NotebookResult r = run(new BlogVae());
    check(r, "vae", List.of("seed102_vae_loss.png", "seed102_latent.png", "seed102_manifold.png"),
        Map.of("seed102_manifold.png", new int[] {15 * 28 * 4 + 16, 15 * 28 * 4 + 16}));
  }

  @Test
  void kerasIoVae() throws Exception {
    NotebookResult r = run(new KerasIoVae());
    check(r, "vae", List.of("seed103_vae_loss.png", "seed103_latent_space.png", "seed103_label_clusters.png"),
        Map.of());
    assertTrue(r.numbers().get("kl_loss") > 0 && r.numbers().get("reconstruction_loss") > 0);
  }

  @Test
  void kerasIoDenoiser() throws Exception {
    NotebookResult r = run(new KerasIoDenoiser());
    check(r, "denoising", List.of("seed104_train_noisy.png", "seed104_clean.png", "seed104_clean_loss.png",
        "seed104_denoised.png", "seed104_denoising_loss.png"), Map.of());
    List<Double> clean = r.runs().get("clean").loss();
    assertTrue(clean.get(1) < clean.get(0), "the clean loss falls: " + clean);
  }
}
