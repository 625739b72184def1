package keras4j.backend;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.proto.DeviceStepStats;
import org.tensorflow.proto.NodeExecStats;
import org.tensorflow.proto.RunMetadata;

/** Op time by op type over profiled runs, from TensorFlow's step statistics (what TensorBoard's trace shows). */
public final class Profile {
  private final Graph graph;
  private final Map<String, Long> microsByType = new LinkedHashMap<>();
  private final Map<String, Long> microsByNode = new LinkedHashMap<>();
  private int runs;
  private long wallMicros;

  Profile(Graph graph) {
    this.graph = graph;
  }

  void add(RunMetadata m) {
    runs++;
    long start = Long.MAX_VALUE;
    long end = 0;
    for (DeviceStepStats d : m.getStepStats().getDevStatsList()) {
      for (NodeExecStats n : d.getNodeStatsList()) {
        String type = kernelType(n);
        long micros = n.getOpEndRelMicros() - n.getOpStartRelMicros();
        microsByType.merge(type, micros, Long::sum);
        microsByNode.merge(n.getNodeName() + " (" + type + ")", micros, Long::sum);
        start = Math.min(start, n.getAllStartMicros());
        end = Math.max(end, n.getAllStartMicros() + n.getAllEndRelMicros());
      }
    }
    if (end > start) {
      wallMicros += end - start;
    }
  }

  /**
   * The type of the kernel that ran, from the trace's label ("name = _FusedConv2D(...)"), which shows grappler's
   * and oneDNN's rewrites; else the graph op's type.
   */
  private String kernelType(NodeExecStats n) {
    String label = n.getTimelineLabel();
    int eq = label.indexOf(" = ");
    int paren = label.indexOf('(', eq + 3);
    if (eq > 0 && paren > eq) {
      return label.substring(eq + 3, paren);
    }
    GraphOperation op = graph.operation(n.getNodeName());
    return op != null ? op.type() : n.getNodeName().replaceAll(".*/", "");
  }

  /** How many session runs were profiled. */
  public int runs() {
    return runs;
  }

  /** How many distinct ops ran (the graph nodes the executor scheduled). */
  public int opCount() {
    return microsByNode.size();
  }

  /** Op time summed over all ops, in milliseconds per run. */
  public double opMillisPerRun() {
    return microsByType.values().stream().mapToLong(Long::longValue).sum() / 1000.0 / Math.max(1, runs);
  }

  /** Wall time from the first op's start to the last op's end, in milliseconds per run. */
  public double wallMillisPerRun() {
    return wallMicros / 1000.0 / Math.max(1, runs);
  }

  /** The {@code rows} costliest kernel types with their share of op time, e.g. "Conv2DBackpropFilter 31%". */
  public String summary(int rows) {
    double total = opMillisPerRun();
    return millisPerRun().entrySet().stream().limit(rows).map(e -> String.format(Locale.ROOT, "%s %.0f%%",
        e.getKey(), 100 * e.getValue() / total)).collect(Collectors.joining(", "));
  }

  /** Total op time per op type, in milliseconds per run, largest first. */
  public Map<String, Double> millisPerRun() {
    return microsByType.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue() / 1000.0 / Math.max(1, runs), (a, b) -> a,
            LinkedHashMap::new));
  }

  /** The single ops that take the most time, in milliseconds per run. */
  public List<String> nodes(int rows) {
    List<String> out = new java.util.ArrayList<>();
    microsByNode.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(rows)
        .forEach(e -> out.add(String.format(Locale.ROOT, "  %-70s %8.3f ms", e.getKey(),
            e.getValue() / 1000.0 / Math.max(1, runs))));
    return out;
  }

  /** A table of the op types that take the most time. */
  public List<String> table(int rows) {
    double total = opMillisPerRun();
    List<String> out = new java.util.ArrayList<>();
    out.add(String.format(Locale.ROOT, "%d runs, %d ops run, %.2f ms of op time and %.2f ms wall per run", runs,
        opCount(), total, wallMillisPerRun()));
    millisPerRun().entrySet().stream().limit(rows).forEach(e -> out.add(String.format(Locale.ROOT,
        "  %-32s %8.3f ms  %5.1f%%", e.getKey(), e.getValue(), 100 * e.getValue() / total)));
    return out;
  }
}
