package keras4j.backend;

import org.tensorflow.ConcreteFunction;
import org.tensorflow.ExecutionEnvironment;
import org.tensorflow.Graph;
import org.tensorflow.Operation;
import org.tensorflow.OperationBuilder;
import org.tensorflow.op.OpScope;
import org.tensorflow.op.Scope;

/**
 * The graph as the op builders see it, with names made unique in constant time. TensorFlow Java's sub-scopes
 * scan every operation of a {@link Graph} to learn the names in use ({@code NameScope.importIdsFrom}), which made
 * building a model quadratic in its size; its counters also miss names such as {@code functional_2} that were
 * produced from another prefix, so a loaded model could collide with an earlier one ("Duplicate node name in
 * graph"). Here every op is checked against the graph's own name index when it is created and renamed
 * {@code name_1}, {@code name_2}, ... when taken; sub-scopes no longer scan (this environment is not a Graph).
 */
final class GraphNames implements ExecutionEnvironment {
  private final Graph graph;
  private final Scope baseScope;
  private final java.util.Map<String, Integer> next = new java.util.HashMap<>();

  GraphNames(Graph graph) {
    this.graph = graph;
    this.baseScope = new OpScope(this);
  }

  private long count;

  @Override
  public OperationBuilder opBuilder(String type, String name, Scope scope) {
    OperationBuilder b = graph.opBuilder(type, unique(name), scope);
    count++;
    return b;
  }

  /** Operations created through this environment. */
  long count() {
    return count;
  }

  private String unique(String name) {
    if (graph.operation(name) == null) {
      return name;
    }
    for (int k = next.getOrDefault(name, 1); ; k++) {
      String candidate = name + "_" + k;
      if (graph.operation(candidate) == null) {
        next.put(name, k + 1);
        return candidate;
      }
    }
  }

  @Override
  public void attachFunction(ConcreteFunction function) {
    graph.attachFunction(function);
  }

  @Override
  public boolean isOpEnabled(String opType) {
    return graph.isOpEnabled(opType);
  }

  @Override
  public void checkInput(Operation input) {
    graph.checkInput(input);
  }

  @Override
  public Types environmentType() {
    return graph.environmentType();
  }

  @Override
  public Scope baseScope() {
    return baseScope;
  }

  @Override
  public boolean isInitializer(Operation op) {
    return graph.isInitializer(op);
  }
}
