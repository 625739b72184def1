package keras4j.cli;

import java.io.FileNotFoundException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.List;
import keras4j.saving.SavingApi;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * The {@code keras4j} command: {@code keras4j [--debug] <command> [options]}. Exit codes: 0 success, 1 failure
 * (an error, a failed check), 2 a wrong command line. Errors are one line on standard error; {@code --debug} adds
 * the stack trace.
 */
public final class Main {
  static final int OK = 0;
  static final int FAILURE = 1;
  static final int USAGE = 2;
  static final int WIDTH = 100;

  private Main() {}

  /** The {@code keras4j} command: exits with {@link #run}'s status. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command line; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, commands());
  }

  /** The subcommands, in the order of the help. */
  static List<Command> commands() {
    return List.of(new NotebookCommand(), new TrainCommand(), new SummaryCommand(), new PredictCommand(),
        new ReconstructCommand(), new ConvertCommand(), new VerifyCommand(), new KnnCommand(), new BenchCommand(),
        new SparkScoreCommand(), new ScaleBenchCommand(), new ExampleCommand());
  }

  static int run(String[] args, PrintStream out, PrintStream err, List<Command> commands) {
    boolean debug = false;
    int i = 0;
    for (; i < args.length && args[i].startsWith("-"); i++) {
      switch (args[i]) {
        case "--debug" -> debug = true;
        case "-h", "--help" -> {
          printMainHelp(out, commands);
          return OK;
        }
        case "--version" -> {
          out.println("keras4j " + SavingApi.KERAS4J_VERSION);
          return OK;
        }
        default -> {
          err.println("keras4j: unknown option '" + args[i] + "', expected --debug, --help or --version before the "
              + "command");
          err.println("Try 'keras4j --help'.");
          return USAGE;
        }
      }
    }
    if (i == args.length) {
      printMainHelp(err, commands);
      return USAGE;
    }
    String name = args[i];
    List<String> rest = Arrays.asList(args).subList(i + 1, args.length);
    if (name.equals("help")) {
      return help(rest, out, err, commands);
    }
    Command command = commands.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    if (command == null) {
      err.println("keras4j: unknown command '" + name + "', expected one of: " + names(commands));
      err.println("Try 'keras4j --help'.");
      return USAGE;
    }
    try {
      if (command.passThrough()) {
        return command.run(new Invocation(null, rest, out, err, debug));
      }
      CommandLine line;
      try {
        line = new DefaultParser().parse(withCommonOptions(command.options()), rest.toArray(String[]::new));
      } catch (ParseException e) {
        throw new UsageException(e.getMessage());
      }
      if (line.hasOption("help")) {
        printHelp(command, out);
        return OK;
      }
      debug |= line.hasOption("debug");
      return command.run(new Invocation(line, rest, out, err, debug));
    } catch (UsageException e) {
      err.println("keras4j " + command.name() + ": " + e.getMessage());
      err.println("Try 'keras4j " + command.name() + " --help'.");
      if (debug) {
        e.printStackTrace(err);
      }
      return USAGE;
    } catch (RuntimeException | LinkageError | OutOfMemoryError e) {
      err.println("keras4j " + command.name() + ": " + describe(e));
      if (debug) {
        e.printStackTrace(err);
      }
      return FAILURE;
    }
  }

  private static int help(List<String> rest, PrintStream out, PrintStream err, List<Command> commands) {
    if (rest.isEmpty()) {
      printMainHelp(out, commands);
      return OK;
    }
    for (Command c : commands) {
      if (c.name().equals(rest.get(0))) {
        printHelp(c, out);
        return OK;
      }
    }
    err.println("keras4j help: unknown command '" + rest.get(0) + "', expected one of: " + names(commands));
    return USAGE;
  }

  private static String names(List<Command> commands) {
    return String.join(", ", commands.stream().map(Command::name).toList());
  }

  private static Options withCommonOptions(Options options) {
    Options all = new Options();
    options.getOptions().forEach(all::addOption);
    all.addOption(Option.builder("h").longOpt("help").desc("Show this help").build());
    all.addOption(Option.builder().longOpt("debug").desc("Show stack traces of errors").build());
    return all;
  }

  static void printHelp(Command command, PrintStream out) {
    PrintWriter pw = new PrintWriter(out);
    HelpFormatter f = new HelpFormatter();
    f.setOptionComparator(null);
    f.setSyntaxPrefix("Usage: ");
    f.printHelp(pw, WIDTH, "keras4j " + command.usage(), "\n" + command.description() + "\n\nOptions:",
        withCommonOptions(command.options()), 2, 3, "", false);
    pw.flush();
  }

  static void printMainHelp(PrintStream out, List<Command> commands) {
    out.println("Usage: keras4j [--debug] <command> [options]");
    out.println();
    out.println("Keras autoencoders on TensorFlow Java: run the notebook ports, train, inspect, convert and check "
        + "models.");
    out.println();
    out.println("Commands:");
    int width = commands.stream().mapToInt(c -> c.name().length()).max().orElse(4);
    for (Command c : commands) {
      out.printf("  %-" + width + "s   %s%n", c.name(), c.summary());
    }
    out.printf("  %-" + width + "s   %s%n", "help", "Show the help of a command: keras4j help <command>");
    out.println();
    out.println("Global options:");
    out.println("  --debug     Show stack traces of errors");
    out.println("  --version   Print the version");
    out.println("  -h, --help  Show this help");
    out.println();
    out.println("Run 'keras4j <command> --help' for the options of a command.");
    out.println("Exit codes: 0 success, 1 failure (error or failed check), 2 wrong command line.");
    out.flush();
  }

  /** A one-line account of an error, naming the file for file-system errors. */
  static String describe(Throwable e) {
    Throwable t = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
    if (t instanceof NoSuchFileException n) {
      return "no such file: " + n.getFile();
    }
    if (t instanceof AccessDeniedException a) {
      return "permission denied: " + a.getFile();
    }
    if (t instanceof FileAlreadyExistsException a) {
      return "file already exists: " + a.getFile();
    }
    if (t instanceof FileNotFoundException f && f.getMessage() != null) {
      return f.getMessage();
    }
    if (t instanceof OutOfMemoryError) {
      return "out of memory (" + t.getMessage() + "); raise the heap with KERAS4J_JAVA_OPTS=-Xmx8g";
    }
    String m = e.getMessage();
    if (t != e && t.getMessage() != null && (m == null || m.isBlank() || m.equals(t.toString()))) {
      m = t.getMessage();
    }
    return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
  }
}
