package keras4j.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import keras4j.models.Model;
import keras4j.saving.SelfCheck;
import org.apache.commons.cli.Options;

/** {@code keras4j verify MODEL IO.h5}: the model's self-check against inputs and the outputs Keras computed. */
final class VerifyCommand implements Command {
  @Override
  public String name() {
    return "verify";
  }

  @Override
  public String summary() {
    return "Check a model's outputs against an inputs-and-outputs file (exit 1 on mismatch)";
  }

  @Override
  public String usage() {
    return "verify MODEL IO.h5 [--tolerance REL]";
  }

  @Override
  public String description() {
    return "Runs MODEL (.keras or .h5) on the inputs stored in IO.h5 (root attributes 'inputs' and 'outputs' "
        + "naming the data sets under /inputs and /predictions, as 'keras4j predict MODEL --save-verify IO.h5' or "
        + "SelfCheck.write makes it) and compares with "
        + "the stored outputs. An output passes when its largest absolute difference is at most REL x max(1, "
        + "max|expected|). Prints one line per output; the exit code is 1 when any fails.";
  }

  @Override
  public Options options() {
    return new Options().addOption(Opt.value("tolerance", "REL", "Relative tolerance (default "
        + SelfCheck.DEFAULT_RELATIVE_TOLERANCE + ")"));
  }

  @Override
  public int run(Invocation call) {
    List<String> args = call.positionals("MODEL", "IO.h5");
    Path modelFile = Path.of(args.get(0));
    Path ioFile = Path.of(args.get(1));
    double tolerance = call.number("tolerance", SelfCheck.DEFAULT_RELATIVE_TOLERANCE, 0, Double.POSITIVE_INFINITY,
        false);
    if (!java.nio.file.Files.isRegularFile(ioFile)) {
      throw new IllegalArgumentException("no such file: " + ioFile);
    }
    List<SelfCheck.Result> results;
    try (Model model = ModelFiles.load(modelFile)) {
      results = SelfCheck.verify(model, ioFile, tolerance);
    }
    boolean all = true;
    for (SelfCheck.Result r : results) {
      all &= r.passed();
      call.out().println(String.format(Locale.ROOT, "%s  output %s: max |diff| %.3e, tolerance %.3e (max|expected| "
          + "%.4g)", r.passed() ? "PASS" : "FAIL", r.output(), r.maxAbsDiff(), r.tolerance(), r.maxAbsExpected()));
    }
    call.out().println((all ? "PASS" : "FAIL") + ": " + modelFile.getFileName() + " against " + ioFile.getFileName()
        + ", " + results.size() + " output(s)");
    return all ? Main.OK : Main.FAILURE;
  }
}
