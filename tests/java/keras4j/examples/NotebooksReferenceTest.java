package keras4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The Python side of notebooks-reference/: every script parses, and the fixture exporter explains itself. */
class NotebooksReferenceTest {
  private static final Path DIR = Path.of("notebooks-reference");

  private static String python() {
    for (String p : new String[] {"python3", "/usr/bin/python3"}) {
      try {
        Process proc = new ProcessBuilder(p, "--version").redirectErrorStream(true).start();
        proc.getInputStream().readAllBytes();
        if (proc.waitFor() == 0) {
          return p;
        }
      } catch (IOException | InterruptedException e) {
        // try the next one
      }
    }
    return null;
  }

  private static String pythonOrSkip() {
    String python = python();
    if (python == null && "true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new IllegalStateException("CI=true but no python3 was found");
    }
    assumeTrue(python != null, "Skipped: no python3 on this machine");
    return python;
  }

  private static String run(List<String> cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), String.join(" ", cmd) + " failed:\n" + out);
    return out;
  }

  @Test
  void everyScriptParsesAndTheExporterHasHelp() throws Exception {
    String python = pythonOrSkip();
    List<String> scripts = new ArrayList<>();
    try (Stream<Path> s = Files.list(DIR)) {
      s.filter(p -> p.toString().endsWith(".py")).sorted().forEach(p -> scripts.add(p.toString()));
    }
    assertTrue(scripts.size() >= 6, "the five notebooks and export_fixtures.py: " + scripts);
    List<String> compile = new ArrayList<>(List.of(python, "-c",
        "import ast, sys\nfor f in sys.argv[1:]:\n    ast.parse(open(f, encoding='utf-8').read(), f)"));
    compile.addAll(scripts);
    run(compile);
    String help = run(List.of(python, DIR.resolve("export_fixtures.py").toString(), "--help"));
    assertTrue(help.contains("--out"), help);
  }

  @Test
  void everyExamplePortHasAPythonOriginalAndIsNoLongerThanOneAndAHalfTimesIt() throws Exception {
    String python = pythonOrSkip();
    String table = run(List.of(python, DIR.resolve("count_lines.py").toString()));
    for (NotebookPort port : CustomModelPorts.all()) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\| " + port.id()
          + " \\| `([a-z0-9_]+\\.py)` \\| (\\d+) \\| `\\w+` \\| (\\d+) \\| ([0-9.]+) \\|").matcher(table);
      assertTrue(m.find(), "port " + port.id() + " has no row in count_lines.py's table:\n" + table);
      assertTrue(Files.exists(DIR.resolve(m.group(1))), m.group(1));
      double ratio = Double.parseDouble(m.group(3)) / Double.parseDouble(m.group(2));
      assertTrue(ratio <= 1.5, "port " + port.id() + ": Java/Python lines " + ratio);
    }
  }
}
