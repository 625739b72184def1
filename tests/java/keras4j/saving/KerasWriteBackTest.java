package keras4j.saving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import keras4j.backend.Backend;
import keras4j.models.Model;
import keras4j.testing.KerasFixtures;
import keras4j.testing.KerasPython;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The write-back check: keras4j loads every committed fixture case real Keras made (every module under
 * tests/keras-fixtures, so new layer families are covered as they land), saves it in each format keras4j writes
 * ({@code .keras}, legacy {@code .h5}, {@code .weights.h5} + {@code toJson}), and one Python process with real Keras
 * 3.15.1 reads every file back ({@code keras.models.load_model}, and {@code model_from_json} + {@code load_weights})
 * and predicts the case's input: the outputs must equal the ones Keras computed when it made the fixture within
 * 1e-5, and a compiled model must come back compiled with the same optimizer settings and loss.
 */
class KerasWriteBackTest {
  static final String[] FORMATS = {"keras", "h5", "json+weights.h5"};
  static final double TOL = 1e-5;
  /** Keras processes reading keras4j's files side by side (the Keras side is most of this test's time). */
  static final int KERAS_PROCESSES = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
  private static final Map<String, Map<String, Object>> RESULTS = new ConcurrentHashMap<>();
  private static final Map<String, String> WRITE_ERRORS = new ConcurrentHashMap<>();

  @BeforeAll
  static void writeAndReadBackInKeras() throws IOException {
    Path python = KerasPython.python();
    assertNotNull(python);
    Path out = Path.of("target", "writeback").toAbsolutePath();
    List<Object> manifest = new ArrayList<>();
    List<KerasPython.Pipe> keras = new ArrayList<>();
    for (int i = 0; i < KERAS_PROCESSES; i++) {
      keras.add(KerasPython.start(Path.of("tests", "python", "writeback_check.py"), "-"));
    }
    long t0 = System.nanoTime();
    for (KerasFixtures.Case c : KerasFixtures.all()) {
      List<String> from = c.modelFormats();
      if (from.isEmpty()) {
        continue;
      }
      Path dir = out.resolve(c.module()).resolve(c.name());
      Files.createDirectories(dir);
      Map<String, Object> files = new LinkedHashMap<>();
      try (Model m = c.load(from.get(0))) {
        write(c, "keras", files, () -> {
          m.save(dir.resolve("model.keras"));
          return dir.resolve("model.keras").toString();
        });
        write(c, "h5", files, () -> {
          m.save(dir.resolve("model.h5"));
          return dir.resolve("model.h5").toString();
        });
        write(c, "json+weights.h5", files, () -> {
          Files.writeString(dir.resolve("model.json"), m.toJson());
          m.saveWeights(dir.resolve("model.weights.h5"));
          return List.of(dir.resolve("model.json").toString(), dir.resolve("model.weights.h5").toString());
        });
      } catch (RuntimeException e) {
        WRITE_ERRORS.put(c.toString(), "keras4j could not load the fixture from " + from.get(0) + ": " + e);
        continue;
      }
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("case", c.toString());
      entry.put("io", c.dir().resolve("io.h5").toString());
      Path ref = c.formats().contains("keras") ? c.dir().resolve("model.keras")
          : c.formats().contains("h5") ? c.dir().resolve("model.h5") : null;
      entry.put("reference", ref == null ? null : ref.toString());
      entry.put("files", files);
      keras.get(manifest.size() % keras.size()).send(Json.write(entry));
      manifest.add(entry);
    }
    Files.writeString(out.resolve("manifest.json"), Json.write(manifest));
    long t1 = System.nanoTime();
    for (KerasPython.Pipe p : keras) {
      for (String line : p.finish(1200).split("\n")) {
        if (line.startsWith("{")) {
          Map<String, Object> row = Json.parseObject(line, "writeback_check.py output");
          RESULTS.put(row.get("case") + "|" + row.get("format"), row);
        }
      }
    }
    System.out.printf(java.util.Locale.ROOT, "Write-back: keras4j wrote %d cases in %.1f s; Keras (%d processes, reading"
        + " as they were written) finished %.1f s later%n", manifest.size(), (t1 - t0) / 1e9, keras.size(),
        (System.nanoTime() - t1) / 1e9);
  }

  private interface Writer {
    Object write() throws IOException;
  }

  private static void write(KerasFixtures.Case c, String format, Map<String, Object> files, Writer w) {
    try {
      files.put(format, w.write());
    } catch (IOException | RuntimeException e) {
      WRITE_ERRORS.put(c + "|" + format, "keras4j could not write " + format + ": " + e);
    }
  }

  static Stream<Arguments> files() {
    List<Arguments> out = new ArrayList<>();
    for (KerasFixtures.Case c : KerasFixtures.all()) {
      for (String f : FORMATS) {
        out.add(Arguments.of(c, f));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} written as {1}")
  @MethodSource("files")
  void kerasReadsWhatKeras4jWrote(KerasFixtures.Case c, String format) {
    if (c.modelFormats().isEmpty()) {
      String why = "Skipped " + c + ": Keras wrote no loadable format for it (" + c.notes() + ")";
      System.out.println(why);
      assumeTrue(false, why);
    }
    String loadError = WRITE_ERRORS.get(c.toString());
    if (loadError != null) {
      fail(c + ": " + loadError);
    }
    String writeError = WRITE_ERRORS.get(c + "|" + format);
    if (writeError != null) {
      fail(c + ": " + writeError);
    }
    Map<String, Object> r = RESULTS.get(c + "|" + format);
    assertNotNull(r, c + " " + format + ": no answer from writeback_check.py");
    if (r.get("keras_own_file") != null) {
      String why = "Skipped " + c + " written as " + format + ": " + r.get("keras_own_file") + " (keras4j's file: "
          + (Boolean.TRUE.equals(r.get("ok")) ? "outputs " + r.get("max_diff") + " off" : r.get("error")) + ")";
      System.out.println(why);
      assumeTrue(false, why);
    }
    assertTrue(Boolean.TRUE.equals(r.get("ok")), c + " written by keras4j as " + format + ": Keras 3.15.1 failed: "
        + r.get("error") + "\n" + r.get("trace"));
    double diff = ((Number) r.get("max_diff")).doubleValue();
    ParityReport.record(c.toString(), "write-back " + format, "keras4j-written", "3.15.1 reads", diff, TOL);
    assertTrue(diff <= TOL, c + " written as " + format + ": Keras's prediction differs from Keras's fixture outputs"
        + " by " + diff + " > " + TOL);
    if (!format.startsWith("json") && Boolean.TRUE.equals(r.get("reference_compiled"))) {
      assertEquals(Boolean.TRUE, r.get("compiled"), c + " written as " + format + ": Keras loads it uncompiled");
      assertEquals(r.get("reference_optimizer"), r.get("optimizer"), c + " written as " + format
          + ": optimizer settings Keras reads back");
      assertEquals(r.get("reference_loss"), r.get("loss"), c + " written as " + format + ": loss Keras reads back");
    }
    if (!format.startsWith("json") && !Boolean.TRUE.equals(r.get("reference_compiled"))) {
      assertTrue(!Boolean.TRUE.equals(r.get("compiled")) || Objects.equals(r.get("reference_compiled"), true),
          c + " was not compiled but Keras loads keras4j's file compiled");
    }
  }

  /** Per module and format: files Keras read back, worst difference to Keras's outputs (the README's table). */
  @AfterAll
  static void summary() {
    Backend.clearSession();
    Map<String, double[]> worst = new java.util.TreeMap<>();
    for (Map<String, Object> r : RESULTS.values()) {
      String c = (String) r.get("case");
      String key = c.substring(0, c.indexOf('/')) + " | " + r.get("format");
      double[] w = worst.computeIfAbsent(key, k -> new double[3]);
      w[0]++;
      if (Boolean.TRUE.equals(r.get("ok")) && r.get("max_diff") instanceof Number d) {
        w[1]++;
        w[2] = Math.max(w[2], d.doubleValue());
      }
    }
    StringBuilder sb = new StringBuilder("\nWrite-back: files keras4j wrote, read by Keras 3.15.1\n"
        + "| module | format | files | read back | worst |keras - fixture| |\n|---|---|---|---|---|\n");
    worst.forEach((k, w) -> sb.append(String.format(java.util.Locale.ROOT, "| %s | %d | %d | %.1e |%n", k, (int) w[0],
        (int) w[1], w[2])));
    System.out.println(sb);
  }
}
