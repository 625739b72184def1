package keras4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The {@code ./keras4j} script end to end: it builds the jar if needed and runs the command. */
class LauncherTest {
  private record Result(int code, String out, String err) {}

  private static Result launch(Path script, String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of(script.toString()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile("keras4j-launcher", ".out");
    Path err = Files.createTempFile("keras4j-launcher", ".err");
    try {
      Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!p.waitFor(20, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new AssertionError("./keras4j " + String.join(" ", args) + " did not finish in 20 minutes");
      }
      return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /**
   * {@code MVN} may be a command with arguments: a stand-in Maven (a script that records its arguments and makes the
   * jars and class path a build would) runs with them, in a copy of the launcher whose build state starts empty.
   */
  @Test
  void mvnMayBeACommandWithArguments(@org.junit.jupiter.api.io.TempDir Path root) throws Exception {
    Path script = root.resolve("keras4j");
    Files.copy(Path.of("keras4j"), script);
    script.toFile().setExecutable(true);
    Files.writeString(root.resolve("pom.xml"), "<project/>\n");
    Files.createDirectories(root.resolve("src/main"));
    Path fake = root.resolve("fake mvn dir/mvn");
    Files.createDirectories(fake.getParent());
    Path recorded = root.resolve("args.txt");
    String emptyZip = "PK\\005\\006\\000\\000\\000\\000\\000\\000\\000\\000\\000\\000\\000\\000\\000\\000\\000\\000\\000\\000";
    Files.writeString(fake, "#!/bin/sh\n"
        + "printf '%s\\n' \"$@\" > '" + recorded + "'\n"
        + "mkdir -p '" + root + "/target'\n"
        + "printf '" + emptyZip + "' > '" + root + "/target/keras4j-0.jar'\n"
        + "printf '" + emptyZip + "' > '" + root + "/target/keras4j-0-tools.jar'\n"
        + "for a in \"$@\"; do case $a in -Dmdep.outputFile=*) printf '%s' \"$CLASSES\" > \"${a#-Dmdep.outputFile=}\" ;; esac; done\n");
    fake.toFile().setExecutable(true);
    ProcessBuilder pb = new ProcessBuilder(script.toString(), "--version");
    // A path with a space cannot be one word of MVN; the directory is on PATH instead.
    pb.environment().put("PATH", fake.getParent() + File.pathSeparator + System.getenv("PATH"));
    pb.environment().put("MVN", "mvn -Dmaven.repo.local=/tmp/m2-elsewhere -o");
    pb.environment().put("CLASSES", System.getProperty("java.class.path"));
    Path out = root.resolve("out.txt");
    Process p = pb.redirectErrorStream(true).redirectOutput(out.toFile()).start();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the launcher did not finish");
    String printed = Files.readString(out);
    assertEquals(0, p.exitValue(), printed);
    assertTrue(printed.contains("keras4j 0."), printed);
    List<String> args = Files.readAllLines(recorded);
    assertTrue(args.contains("-Dmaven.repo.local=/tmp/m2-elsewhere") && args.contains("-o"), args.toString());
    assertTrue(args.contains("-Dmaven.javadoc.skip=true") && args.contains("package"), args.toString());
    String classpath = Files.readString(root.resolve("target/keras4j-launcher/classpath.txt")).trim();
    assertTrue(classpath.startsWith(root.resolve("target/keras4j-0.jar") + ":" + root.resolve("target/keras4j-0-tools.jar")
        + ":"), classpath);

    pb.environment().put("MVN", "no-such-maven -q");
    Files.delete(root.resolve("target/keras4j-launcher/built"));
    p = pb.start();
    assertTrue(p.waitFor(1, TimeUnit.MINUTES));
    String err = Files.readString(out);
    assertEquals(1, p.exitValue(), err);
    assertTrue(err.contains("'no-such-maven' is not on PATH"), err);
  }

  @Test
  void scriptBuildsAndRunsTheCommand() throws Exception {
    Path script = Path.of("keras4j").toAbsolutePath();
    assertTrue(Files.isExecutable(script), script + " is not executable");
    assertTrue(Files.readString(script).startsWith("#!/bin/sh\n"), "a POSIX shell script");

    Result help = launch(script, "--help");
    assertEquals(0, help.code(), help.err());
    assertTrue(help.out().startsWith("Usage: keras4j [--debug] <command> [options]"), help.out());

    Result wrong = launch(script, "frobnicate");
    assertEquals(2, wrong.code(), wrong.err());
    assertTrue(wrong.err().startsWith("keras4j: unknown command 'frobnicate'"), wrong.err());
    assertTrue(new File("target/keras4j-launcher/classpath.txt").isFile());
  }
}
