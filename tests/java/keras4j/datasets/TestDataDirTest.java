package keras4j.datasets;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The test suite keeps the data sets it fetches under target/ (pom.xml's surefire settings), never in ~/.keras. */
class TestDataDirTest {
  @Test
  void testsCacheDataSetsUnderTarget() {
    Path target = Path.of("target").toAbsolutePath().normalize();
    Path dir = DatasetLoader.defaultCacheDir().toAbsolutePath().normalize();
    assertTrue(dir.startsWith(target), "the tests' data set cache " + dir + " is not under " + target
        + "; set -D" + DatasetLoader.DIR_PROPERTY + " in surefire's systemPropertyVariables");
    assertFalse(dir.startsWith(Path.of(System.getProperty("user.home"), ".keras")), dir.toString());
    assertTrue(Mnist.loader().cacheDir().toAbsolutePath().normalize().startsWith(target));
    assertTrue(FashionMnist.loader().cacheDir().toAbsolutePath().normalize().startsWith(target));
  }
}
