package keras4j.cli;

import java.util.List;
import org.apache.commons.cli.Options;

/** {@code keras4j scale-bench}: the streaming and Spark figures ({@link keras4j.bench.ScaleBench}). */
final class ScaleBenchCommand implements Command {
  @Override
  public String name() {
    return "scale-bench";
  }

  @Override
  public String summary() {
    return "measure streaming fit (vs in memory, resident memory) and Spark scoring (vs in-process predict)";
  }

  @Override
  public String usage() {
    return "scale-bench [streaming|rss|spark|all]";
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
    List<String> p = call.rawArgs();
    try {
      keras4j.bench.ScaleBench.main(p.isEmpty() ? new String[0] : new String[] {p.get(0)});
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("scale-bench failed: " + e, e);
    }
    return Main.OK;
  }
}
