package keras4j.utils;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import keras4j.backend.KerasVariable;
import keras4j.backend.Shapes;
import keras4j.layers.InputLayer;
import keras4j.layers.KerasTensor;
import keras4j.layers.Layer;
import keras4j.layers.Node;

/** Keras's {@code keras.utils.layer_utils}: {@code print_summary} in the layout of tf.keras 2.9 to 2.12. */
public final class LayerUtils {
  private static final String[] BREAKS = {"),", "},", "],", "',"};

  private LayerUtils() {}

  /** Prints a model summary line by line, as {@code model.summary(print_fn=...)}. */
  public static void printSummary(LayerGraph model, Consumer<String> printFn) {
    boolean sequentialLike = "Sequential".equals(model.className()) || model.isSequentialLike();
    int lineLength;
    int[] positions;
    String[] header;
    if (sequentialLike) {
      lineLength = 65;
      positions = positions(lineLength, .45, .85, 1.0);
      header = new String[] {"Layer (type)", "Output Shape", "Param #"};
    } else {
      lineLength = 98;
      positions = positions(lineLength, .33, .55, .67, 1.0);
      header = new String[] {"Layer (type)", "Output Shape", "Param #", "Connected to"};
    }
    Set<Node> relevant = Collections.newSetFromMap(new IdentityHashMap<>());
    relevant.addAll(model.nodes());
    printFn.accept("Model: \"" + model.name() + "\"");
    printFn.accept("_".repeat(lineLength));
    printRow(header, positions, printFn);
    printFn.accept("=".repeat(lineLength));
    for (Layer layer : model.layers()) {
      String[] fields;
      String first = layer.name() + " (" + layer.className() + ")";
      String shape = outputShape(layer);
      String params = Long.toString(layer.built() ? layer.countParams() : 0);
      if (sequentialLike) {
        fields = new String[] {first, shape, params};
      } else {
        fields = new String[] {first, shape, params, connections(layer, relevant)};
      }
      printRow(fields, positions, printFn);
      printFn.accept(" ".repeat(lineLength));
    }
    printFn.accept("=".repeat(lineLength));
    long trainable = count(model.trainableWeights());
    long nonTrainable = count(model.nonTrainableWeights());
    printFn.accept(String.format(Locale.US, "Total params: %,d", trainable + nonTrainable));
    printFn.accept(String.format(Locale.US, "Trainable params: %,d", trainable));
    printFn.accept(String.format(Locale.US, "Non-trainable params: %,d", nonTrainable));
    printFn.accept("_".repeat(lineLength));
  }

  private static int[] positions(int lineLength, double... fractions) {
    int[] p = new int[fractions.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = (int) (lineLength * fractions[i]);
    }
    return p;
  }

  private static long count(List<KerasVariable> vars) {
    Set<KerasVariable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    long n = 0;
    for (KerasVariable v : vars) {
      if (seen.add(v)) {
        n += v.size();
      }
    }
    return n;
  }

  /** Keras's output shape cell: {@code [(None, 784)]} for input layers, {@code multiple} when calls differ. */
  static String outputShape(Layer layer) {
    if (layer instanceof InputLayer in) {
      return "[" + Shapes.format(in.output().shape()) + "]";
    }
    List<Node> nodes = layer.inboundNodes();
    if (nodes.isEmpty()) {
      return "multiple";
    }
    List<String> shapes = new ArrayList<>();
    for (KerasTensor t : nodes.get(0).outputs()) {
      shapes.add(Shapes.format(t.shape()));
    }
    for (Node n : nodes) {
      for (int i = 0; i < n.outputs().size(); i++) {
        if (!Arrays.equals(n.outputs().get(i).shape(), nodes.get(0).outputs().get(i).shape())) {
          return "multiple";
        }
      }
    }
    return shapes.size() == 1 ? shapes.get(0) : "[" + String.join(", ", shapes) + "]";
  }

  private static String connections(Layer layer, Set<Node> relevant) {
    List<String> items = new ArrayList<>();
    for (Node node : layer.inboundNodes()) {
      if (!relevant.contains(node)) {
        continue;
      }
      for (KerasTensor t : node.inputs()) {
        items.add("'" + t.layer().name() + "[" + t.node().indexInLayer() + "][" + t.index() + "]'");
      }
    }
    return "[" + String.join(", ", items) + "]";
  }

  /** Keras's {@code print_row}: wraps long cells onto continuation lines. */
  static void printRow(String[] fields, int[] positions, Consumer<String> printFn) {
    String[] left = fields.clone();
    while (Arrays.stream(left).anyMatch(s -> !s.isEmpty())) {
      StringBuilder line = new StringBuilder();
      for (int col = 0; col < left.length; col++) {
        int start = col > 0 ? positions[col - 1] : 0;
        int end = positions[col];
        int space = col != positions.length - 1 ? 2 : 0;
        int cutoff = Math.max(0, end - start - space);
        String fit = left[col].substring(0, Math.min(cutoff, left[col].length()));
        int best = -1;
        for (String b : BREAKS) {
          int at = fit.indexOf(b);
          if (at >= 0) {
            int c = at + b.length();
            best = best < 0 ? c : Math.min(best, c);
          }
        }
        if (best >= 0) {
          cutoff = best;
          fit = fit.substring(0, cutoff);
        }
        if (col == 0) {
          line.append(' ');
        }
        line.append(fit);
        line.append(" ".repeat(space));
        left[col] = left[col].substring(Math.min(cutoff, left[col].length()));
        int pad = positions[col] - line.length();
        if (pad > 0) {
          line.append(" ".repeat(pad));
        }
      }
      printFn.accept(line.toString());
    }
  }
}
