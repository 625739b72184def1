package keras4j.cli;

import static keras4j.cli.CliFixtures.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import keras4j.datasets.DatasetLoader;
import keras4j.examples.NotebookOptions;
import keras4j.examples.NotebookPort;
import keras4j.examples.NotebookResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotebookCommandTest {
  @TempDir
  Path dir;

  private final List<NotebookOptions> runs = new ArrayList<>();
  private final List<String> checks = new ArrayList<>();
  private String dataDirDuringRun;

  /** A port that records its options and writes one figure. */
  private NotebookPort fake(String id, String name) {
    return new NotebookPort() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public String name() {
        return name;
      }

      @Override
      public String title() {
        return "Fake " + name;
      }

      @Override
      public NotebookResult run(NotebookOptions options) {
        runs.add(options);
        dataDirDuringRun = System.getProperty(DatasetLoader.DIR_PROPERTY);
        options.out().println("fake port running " + options.epochs(50) + " epochs");
        try {
          Files.createDirectories(options.outDir());
          Path png = Files.writeString(options.outDir().resolve("figure.png"), "png");
          return new NotebookResult()
              .run("autoencoder", new NotebookResult.ModelRun(50992, List.of(0.3, 0.1), List.of(0.2, 0.09),
                  List.of(1.5, 2.5)))
              .number("knn_accuracy", 0.8123)
              .figure(png);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }

  private List<Command> commands(boolean checkPasses) {
    return List.of(new NotebookCommand(() -> List.of(fake("000", "deep-autoencoder"), fake("001", "lab")),
        (id, result, json, out) -> {
          checks.add(id + " " + json.getFileName() + " " + result.numbers());
          out.println("row knn_accuracy " + (checkPasses ? "PASS" : "FAIL"));
          return checkPasses;
        }));
  }

  @Test
  void help() {
    String out = run("notebook", "--help").succeeds().out();
    assertTrue(out.startsWith("Usage: keras4j notebook <000..004|name> [--epochs N] [--out DIR] [--quick] "
        + "[--check] [--verbose N]"), out);
    for (String option : new String[] {"--list", "--epochs <N>", "--out <DIR>", "--quick", "--check",
        "--results <FILE>", "--verbose <0|1|2>", "--data-dir <DIR>"}) {
      assertTrue(out.contains(option), option + " missing from\n" + out);
    }
  }

  @Test
  void listsThePorts() {
    String out = run(commands(true), "notebook", "--list").succeeds().out();
    assertEquals(List.of("000  deep-autoencoder  Fake deep-autoencoder", "001  lab  Fake lab"),
        out.lines().toList());
  }

  @Test
  void runsAPortByIdOrName() {
    String dataDirBefore = System.getProperty(DatasetLoader.DIR_PROPERTY);
    Path out = dir.resolve("nb");
    CliFixtures.Run r = run(commands(true), "notebook", "1", "--epochs", "3", "--quick", "--verbose", "2", "--out",
        out.toString(), "--data-dir", dir.resolve("data").toString()).succeeds();
    NotebookOptions o = runs.get(0);
    assertEquals(out, o.outDir());
    assertEquals(3, o.epochs(50));
    assertTrue(o.quick());
    assertEquals(2, o.verbose());
    assertEquals(dir.resolve("data").toString(), dataDirDuringRun);
    assertEquals(dataDirBefore, System.getProperty(DatasetLoader.DIR_PROPERTY), "the data dir is restored after the run");
    assertTrue(r.out().startsWith("Notebook 001 lab: Fake lab"), r.out());
    assertTrue(r.out().contains("fake port running 3 epochs"), "the port writes to the command's output");
    assertTrue(r.out().contains("  autoencoder: 50992 params, loss 0.1000, val_loss 0.0900, 2 epochs, 2.00 s/epoch"),
        r.out());
    assertTrue(r.out().contains("  knn_accuracy: 0.812300"), r.out());
    assertTrue(r.out().contains("  figure " + out.resolve("figure.png")), r.out());
    assertTrue(checks.isEmpty());

    run(commands(true), "notebook", "DEEP-AUTOENCODER", "--out", out.toString()).succeeds();
    assertEquals(50, runs.get(1).epochs(50));
    assertFalse(runs.get(1).quick());
  }

  @Test
  void checkComparesWithTheRecordedResults() throws Exception {
    Path results = Files.writeString(dir.resolve("results.json"), "{}");
    String[] args = {"notebook", "000", "--check", "--results", results.toString(), "--out", dir.toString()};
    CliFixtures.Run pass = run(commands(true), args).succeeds();
    assertEquals("000 results.json {knn_accuracy=0.8123}", checks.get(0));
    assertTrue(pass.out().contains("row knn_accuracy PASS\nReproduction check: PASS"), pass.out());
    CliFixtures.Run fail = run(commands(false), args);
    assertEquals(1, fail.code());
    assertTrue(fail.out().contains("Reproduction check: FAIL"), fail.out());
  }

  @Test
  void errors() {
    run(commands(true), "notebook", "007").failsWith(2,
        "unknown notebook '007', expected one of: 000 (deep-autoencoder), 001 (lab)");
    run(commands(true), "notebook").failsWith(2, "expected 1 argument(s) <000..004|name>, received none");
    run(commands(true), "notebook", "000", "--epochs", "0").failsWith(2, "--epochs expects an integer of at least 1");
    run(commands(true), "notebook", "000", "--check", "--results", dir.resolve("none.json").toString())
        .failsWith(1, "no such file: ");
    assertTrue(runs.isEmpty(), "nothing runs when the command line is wrong");
    List<Command> none = List.of(new NotebookCommand(List::of, (id, r, p, o) -> true));
    run(none, "notebook", "000").failsWith(2, "unknown notebook '000': no notebook ports are registered");
    List<Command> failing = List.of(new NotebookCommand(() -> List.of(new NotebookPort() {
      public String id() {
        return "002";
      }

      public String name() {
        return "first";
      }

      public String title() {
        return "Failing";
      }

      public NotebookResult run(NotebookOptions options) {
        throw new IllegalStateException("training diverged: loss is NaN at epoch 3");
      }
    }), (id, r, p, o) -> true));
    run(failing, "notebook", "002", "--out", dir.toString())
        .failsWith(1, "keras4j notebook: training diverged: loss is NaN at epoch 3");
  }
}
