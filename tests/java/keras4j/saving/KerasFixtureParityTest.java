package keras4j.saving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import keras4j.backend.Backend;
import keras4j.models.Fit;
import keras4j.models.Model;
import keras4j.testing.IoFile;
import keras4j.testing.KerasFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * Every fixture real Keras 3.15.1 made (tests/keras-fixtures), loaded from each format Keras wrote and compared
 * with the outputs Keras computed: within the case's atol (1e-5 unless the case says otherwise) plus 1e-5
 * relative.
 */
class KerasFixtureParityTest {
  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (KerasFixtures.Case c : KerasFixtures.all()) {
      for (String format : c.modelFormats()) {
        out.add(Arguments.of(c, format));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} from {1}")
  @MethodSource("cases")
  void outputsMatchKeras(KerasFixtures.Case c, String format) {
    List<FloatNdArray> x = c.x();
    List<FloatNdArray> expected = c.y();
    try (Model m = c.load(format)) {
      List<FloatNdArray> y = m.predictAll(x, Fit.verbose(0));
      assertEquals(expected.size(), y.size(), c + ": number of outputs");
      for (int i = 0; i < y.size(); i++) {
        double diff = IoFile.maxAbsDiff(y.get(i), expected.get(i));
        double tol = c.atol() + 1e-5 * IoFile.maxAbs(expected.get(i));
        ParityReport.record(c.toString(), format, "output " + i, c.kerasVersion(), diff, tol);
        WORST.merge(c.module() + " | " + format, diff, Math::max);
        CASES.computeIfAbsent(c.module(), k -> new java.util.TreeSet<>()).add(c.name());
        assertTrue(diff <= tol, c + " from " + format + ", output " + i + ": max |keras4j - keras| = " + diff
            + " exceeds " + tol);
      }
    }
  }

  private static final java.util.Map<String, Double> WORST = new java.util.concurrent.ConcurrentSkipListMap<>();
  private static final java.util.Map<String, java.util.Set<String>> CASES = new java.util.concurrent.ConcurrentSkipListMap<>();

  /** Per module and format: cases and the worst difference to Keras's outputs (the README's table). */
  @AfterAll
  static void cleanup() {
    Backend.clearSession();
    StringBuilder sb = new StringBuilder("\nKeras 3.15.1 fixtures read by keras4j\n| module | format | cases | worst "
        + "abs(keras4j - keras) |\n|---|---|---|---|\n");
    WORST.forEach((k, w) -> sb.append(String.format(java.util.Locale.ROOT, "| %s | %d | %.1e |%n", k,
        CASES.get(k.substring(0, k.indexOf(' '))).size(), w)));
    System.out.println(sb);
  }
}
