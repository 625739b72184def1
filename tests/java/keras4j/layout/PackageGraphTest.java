package keras4j.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The import graph of src/main/java: the library packages never reference the tools packages (which ship in the
 * separate {@code tools} jar), and models, saving and utils form no circle.
 */
class PackageGraphTest {
  static final Set<String> TOOLS = Set.of("cli", "bench", "examples", "spark");
  private static final Path SRC = Path.of("src/main/java/keras4j");
  private static final Pattern REF = Pattern.compile("\\bkeras4j\\.([a-z][a-z0-9_]*)\\.");
  private static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);
  private static final Pattern STRINGS = Pattern.compile("\"[^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+\"");

  /** package -> (referenced package -> first file referencing it), from code only (comments and strings removed). */
  static Map<String, Map<String, String>> graph(Path root) {
    Map<String, Map<String, String>> g = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
        String pkg = root.relativize(f).getName(0).toString();
        if (root.relativize(f).getNameCount() == 1) {
          continue;
        }
        String code = Files.readString(f);
        code = STRINGS.matcher(COMMENTS.matcher(code).replaceAll(" ")).replaceAll("\"\"");
        Map<String, String> out = g.computeIfAbsent(pkg, k -> new TreeMap<>());
        Matcher m = REF.matcher(code);
        while (m.find()) {
          if (!m.group(1).equals(pkg)) {
            out.putIfAbsent(m.group(1), root.relativize(f).toString());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return g;
  }

  /** Every package reachable from {@code from}, following the graph. */
  static Set<String> reachable(Map<String, Map<String, String>> g, String from) {
    Set<String> seen = new TreeSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(from));
    while (!todo.isEmpty()) {
      for (String next : g.getOrDefault(todo.pop(), Map.of()).keySet()) {
        if (seen.add(next)) {
          todo.push(next);
        }
      }
    }
    return seen;
  }

  @Test
  void libraryPackagesDoNotReferenceToolsPackages() {
    Map<String, Map<String, String>> g = graph(SRC);
    assertTrue(g.containsKey("models") && g.containsKey("cli"), "read the sources from " + SRC.toAbsolutePath());
    List<String> bad = new ArrayList<>();
    g.forEach((pkg, refs) -> {
      if (!TOOLS.contains(pkg)) {
        refs.forEach((to, file) -> {
          if (TOOLS.contains(to)) {
            bad.add(file + " references keras4j." + to);
          }
        });
      }
    });
    assertEquals(List.of(), bad, "library code must not depend on the tools jar's packages " + TOOLS);
  }

  @Test
  void modelsSavingAndUtilsFormNoCircle() {
    Map<String, Map<String, String>> g = graph(SRC);
    List<String> circles = new ArrayList<>();
    for (String a : List.of("models", "saving", "utils")) {
      for (String b : List.of("models", "saving", "utils")) {
        if (a.compareTo(b) < 0 && reachable(g, a).contains(b) && reachable(g, b).contains(a)) {
          circles.add(a + " <-> " + b + " (" + a + " -> " + g.get(a).keySet() + "; " + b + " -> " + g.get(b).keySet() + ")");
        }
      }
    }
    assertEquals(List.of(), circles);
  }

  @Test
  void theCheckSeesACircle(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("models"));
    Files.createDirectories(dir.resolve("saving"));
    Files.writeString(dir.resolve("models/Model.java"), "package keras4j.models;\n// keras4j.cli.Main in a comment\n"
        + "class Model { void save() { keras4j.saving.SavingApi.save(this); } }\n");
    Files.writeString(dir.resolve("saving/SavingApi.java"), "package keras4j.saving;\nimport keras4j.models.Model;\n"
        + "class SavingApi { String s = \"keras4j.cli.\"; }\n");
    Map<String, Map<String, String>> g = graph(dir);
    assertEquals(Set.of("saving"), g.get("models").keySet());
    assertEquals(Set.of("models"), g.get("saving").keySet());
    assertTrue(reachable(g, "models").contains("models"));
  }
}
