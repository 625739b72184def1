package keras4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code keras4j bench --lever}: variants parsed, every variant measured in one table, properties restored. */
class LeversTest {
  @Test
  void parsesVariants() {
    Levers.Variant v = Levers.Variant.parse("caller:keras4j.interOpThreads=-1,keras4j.grappler=-remapping");
    assertEquals("caller", v.name());
    assertEquals(Map.of("keras4j.interOpThreads", "-1", "keras4j.grappler", "-remapping"), v.properties());
    assertEquals(Map.of(), Levers.Variant.parse("default:").properties());
    Bench.UsageError e = assertThrows(Bench.UsageError.class, () -> Levers.Variant.parse("x:keras4j.grappler"));
    assertTrue(e.getMessage().contains("x:keras4j.grappler"), e.getMessage());
  }

  @Test
  void measuresEachVariantAndRestoresProperties() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    Bench.Data d = Bench.Data.load("synthetic", 64, out);
    Levers.table(List.of("M1"), List.of(Levers.Variant.parse("a:"),
        Levers.Variant.parse("b:keras4j.intraOpThreads=1")), 1, 2, d, out);
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("| M1 | a | - |"), text);
    assertTrue(text.contains("| M1 | b | {keras4j.intraOpThreads=1} |"), text);
    assertNull(System.getProperty("keras4j.intraOpThreads"));
  }
}
