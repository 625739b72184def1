package keras4j.cli;

import java.io.PrintStream;
import java.util.function.ToIntBiFunction;
import keras4j.bench.Bench;
import org.apache.commons.cli.Options;

/** {@code keras4j bench [args...]}: hands its arguments, as they are, to {@link Bench#run}. */
final class BenchCommand implements Command {
  private final ToIntBiFunction<String[], PrintStream> bench;

  BenchCommand() {
    this(Bench::run);
  }

  BenchCommand(ToIntBiFunction<String[], PrintStream> bench) {
    this.bench = bench;
  }

  @Override
  public String name() {
    return "bench";
  }

  @Override
  public String summary() {
    return "Training and inference speed figures (keras4j bench --help for its options)";
  }

  @Override
  public String usage() {
    return "bench [args...]";
  }

  @Override
  public String description() {
    return "Runs keras4j.bench.Bench with the remaining arguments unchanged; 'keras4j bench --help' shows its own "
        + "options.";
  }

  @Override
  public Options options() {
    return new Options();
  }

  @Override
  public boolean passThrough() {
    return true;
  }

  @Override
  public int run(Invocation call) {
    try {
      return bench.applyAsInt(call.rawArgs().toArray(String[]::new), call.out());
    } catch (Bench.UsageError e) {
      throw new UsageException(e.getMessage());
    }
  }
}
