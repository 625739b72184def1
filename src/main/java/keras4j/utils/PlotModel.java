package keras4j.utils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import keras4j.backend.Shapes;
import keras4j.layers.InputLayer;
import keras4j.layers.KerasTensor;
import keras4j.layers.Layer;
import keras4j.layers.Node;

/**
 * Keras's {@code keras.utils.plot_model(model, to_file, show_shapes=...)} and {@code model_to_dot}, drawn as
 * tf.keras 2.x draws them: one record node per layer, labelled {@code "name: ClassName"} and, with shapes, its
 * input and output shapes ({@code [(None, 784)]} for input layers); edges follow the layer calls; top to bottom,
 * 96 dpi. The Graphviz source is always written beside {@code to_file} (with the extension {@code .dot}); the
 * image is rendered by Graphviz's {@code dot} command when it is installed (Debian package {@code graphviz}),
 * and skipped otherwise, as Keras skips the plot when pydot or Graphviz is missing.
 */
public final class PlotModel {
  /** What {@link #plotModel} wrote: the DOT file, and the image or, when it was skipped, why. */
  public record Output(Path dot, Path image, String skipped) {
    /** Whether the image was rendered (Graphviz's {@code dot} ran). */
    public boolean rendered() {
      return image != null;
    }
  }

  private PlotModel() {}

  /** {@code plot_model(model, to_file=toFile, show_shapes=showShapes)}. */
  public static Output plotModel(LayerGraph model, Path toFile, boolean showShapes) {
    if (model == null || toFile == null) {
      throw new IllegalArgumentException("plot_model needs a model and a file, received model=" + model
          + ", to_file=" + toFile);
    }
    String name = toFile.getFileName().toString();
    int dotAt = name.lastIndexOf('.');
    String format = dotAt > 0 ? name.substring(dotAt + 1).toLowerCase(java.util.Locale.ROOT) : "png";
    Path dotFile = toFile.resolveSibling((dotAt > 0 ? name.substring(0, dotAt) : name) + ".dot");
    String source = modelToDot(model, showShapes);
    try {
      Path parent = dotFile.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Files.writeString(dotFile, source, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + dotFile + ": " + e.getMessage(), e);
    }
    if (format.equals("dot")) {
      return new Output(dotFile, null, "the DOT source was asked for");
    }
    String missing = whyDotIsUnavailable();
    if (missing != null) {
      return new Output(dotFile, null, missing);
    }
    run(List.of("dot", "-T" + format, "-o", toFile.toString(), dotFile.toString()));
    return new Output(dotFile, toFile, null);
  }

  /** {@code plot_model(model, to_file=toFile, show_shapes=showShapes)}. */
  public static Output plotModel(LayerGraph model, String toFile, boolean showShapes) {
    return plotModel(model, Path.of(toFile), showShapes);
  }

  /** Keras's {@code model_to_dot(model, show_shapes=...)}, as Graphviz source. */
  public static String modelToDot(LayerGraph model, boolean showShapes) {
    Map<Layer, String> ids = new IdentityHashMap<>();
    Map<Layer, Node> firstCall = new LinkedHashMap<>();
    for (Node n : model.nodes()) {
      firstCall.putIfAbsent(n.layer(), n);
    }
    StringBuilder dot = new StringBuilder();
    dot.append("digraph G {\n");
    dot.append("  graph [rankdir=TB, concentrate=true, dpi=96];\n");
    dot.append("  node [shape=record];\n");
    for (Map.Entry<Layer, Node> e : firstCall.entrySet()) {
      Layer layer = e.getKey();
      String id = "layer" + ids.size();
      ids.put(layer, id);
      String label = escape(layer.name()) + ": " + escape(layer.className());
      if (showShapes) {
        label = label + "\\n|{input:|output:}|{{" + escape(inputShapes(layer, e.getValue())) + "}|{"
            + escape(outputShapes(layer, e.getValue())) + "}}";
      }
      dot.append("  ").append(id).append(" [label=\"").append(label).append("\"];\n");
    }
    List<String> edges = new ArrayList<>();
    for (Node n : model.nodes()) {
      for (KerasTensor t : n.inputs()) {
        String from = ids.get(t.layer());
        String edge = "  " + from + " -> " + ids.get(n.layer()) + ";\n";
        if (from != null && !edges.contains(edge)) {
          edges.add(edge);
        }
      }
    }
    edges.forEach(dot::append);
    dot.append("}\n");
    return dot.toString();
  }

  /** Null when the {@code dot} command runs; otherwise what is missing. */
  public static String whyDotIsUnavailable() {
    try {
      Process p = new ProcessBuilder("dot", "-V").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return "Graphviz's dot -V did not answer within 30 s";
      }
      return p.exitValue() == 0 ? null : "Graphviz's dot -V failed with exit code " + p.exitValue();
    } catch (IOException e) {
      return "Graphviz's dot command is not installed (Debian: apt-get install graphviz)";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted while looking for Graphviz's dot command";
    }
  }

  private static String inputShapes(Layer layer, Node node) {
    if (layer instanceof InputLayer) {
      return outputShapes(layer, node);
    }
    List<String> shapes = new ArrayList<>();
    for (KerasTensor t : node.inputs()) {
      shapes.add(Shapes.format(t.shape()));
    }
    return shapes.size() == 1 ? shapes.get(0) : "[" + String.join(", ", shapes) + "]";
  }

  private static String outputShapes(Layer layer, Node node) {
    List<String> shapes = new ArrayList<>();
    for (KerasTensor t : node.outputs()) {
      shapes.add(Shapes.format(t.shape()));
    }
    if (layer instanceof InputLayer || shapes.size() > 1) {
      return "[" + String.join(", ", shapes) + "]";
    }
    return shapes.get(0);
  }

  /** Characters with a meaning in a DOT record label, and the quote of the attribute. */
  private static String escape(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      if ("{}|<>\"\\".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  private static void run(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " did not finish within 120 s");
      }
      if (p.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed with exit code " + p.exitValue()
            + ": " + output.strip());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not run " + String.join(" ", command) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running " + String.join(" ", command), e);
    }
  }
}
