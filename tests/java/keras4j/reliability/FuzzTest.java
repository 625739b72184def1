package keras4j.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import keras4j.backend.Backend;
import keras4j.models.Fit;
import keras4j.models.Model;
import keras4j.models.Models;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;

/**
 * Seeded mutations of the committed model files (tests/keras-fixtures, keras-models): flipped bytes, truncation,
 * zip entries removed, renamed, duplicated or replaced, JSON values of the wrong type or size (also inside
 * .keras archives), HDF5 headers damaged. Each case must load (and then predict) or fail with one of the documented
 * unchecked exceptions naming the file, within a time limit. 300 cases by default;
 * {@code -Dkeras4j.fuzz.cases=5000} for more, {@code -Dkeras4j.fuzz.seed=N} for another sequence.
 */
class FuzzTest {
  static final int CASES = Integer.getInteger("keras4j.fuzz.cases", 300);
  static final long SEED = Long.getLong("keras4j.fuzz.seed", 20261130L);
  static final long TIME_LIMIT_S = 30;
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path tmp;

  @AfterAll
  static void clear() {
    Backend.clearSession();
  }

  record Seed(Path path, String kind) {}

  static List<Seed> seeds() throws IOException {
    List<Seed> out = new ArrayList<>();
    try (Stream<Path> s = Files.walk(Path.of("tests", "keras-fixtures"))) {
      for (Path p : s.sorted().toList()) {
        String n = p.getFileName().toString();
        if (n.equals("model.keras") || n.equals("model.h5") || n.equals("model.json") || n.equals("model.weights.h5")
            || n.endsWith(".keras") && p.toString().contains("reliability")) {
          out.add(new Seed(p, kind(n)));
        }
      }
    }
    try (Stream<Path> s = Files.list(Path.of("keras-models"))) {
      for (Path p : s.sorted().toList()) {
        String n = p.getFileName().toString();
        if (n.endsWith(".json") || n.endsWith(".h5") && Files.size(p) < 400_000) {
          out.add(new Seed(p, kind(n)));
        }
      }
    }
    return out;
  }

  static String kind(String name) {
    if (name.endsWith(".weights.h5")) {
      return "weights";
    }
    if (name.endsWith(".keras")) {
      return "keras";
    }
    return name.endsWith(".json") ? "json" : "h5";
  }

  @Test
  void mutatedFilesLoadOrFailCleanly() throws Exception {
    List<Seed> seeds = seeds();
    assertTrue(seeds.size() >= 10, "seed files found: " + seeds.size());
    Random rnd = new Random(SEED);
    Map<String, Integer> outcomes = new TreeMap<>();
    Map<String, Integer> mutations = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    ExecutorService exec = newExecutor();
    long t0 = System.nanoTime();
    try {
      for (int c = 0; c < CASES; c++) {
        if (c % 50 == 0) {
          Backend.clearSession();
        }
        Seed seed = seeds.get(rnd.nextInt(seeds.size()));
        byte[] original = Files.readAllBytes(seed.path());
        Mutated m = mutate(seed, original, rnd);
        mutations.merge(m.how.replaceAll(" .*", ""), 1, Integer::sum);
        String ext = seed.path().getFileName().toString().replaceFirst("^[^.]*", "");
        Path file = tmp.resolve("case" + c + ext);
        Files.write(file, m.bytes);
        String label = "case " + c + " (" + m.how + " of " + seed.path() + ")";
        Future<String> f = exec.submit(() -> run(seed, file));
        String outcome;
        try {
          outcome = f.get(TIME_LIMIT_S, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
          f.cancel(true);
          exec.shutdownNow();
          exec = newExecutor();
          failures.add(label + ": no answer within " + TIME_LIMIT_S + " s");
          outcome = "timeout";
        } catch (java.util.concurrent.ExecutionException e) {
          Throwable cause = e.getCause();
          outcome = classify(cause, file, seed, failures, label);
        }
        outcomes.merge(outcome, 1, Integer::sum);
        Files.deleteIfExists(file);
      }
    } finally {
      exec.shutdownNow();
    }
    System.out.printf("FuzzTest: %d cases from %d seed files in %.1f s, seed %d%n  mutations: %s%n  outcomes: %s%n",
        CASES, seeds.size(), (System.nanoTime() - t0) / 1e9, SEED, mutations, outcomes);
    assertTrue(failures.isEmpty(), failures.size() + " case(s) failed badly:\n" + String.join("\n", failures.subList(0,
        Math.min(20, failures.size()))));
  }

  /** A daemon thread per executor: a case that does not answer is abandoned with its executor, not queued behind. */
  static ExecutorService newExecutor() {
    return Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "fuzz-case");
      t.setDaemon(true);
      return t;
    });
  }

  static String classify(Throwable e, Path file, Seed seed, List<String> failures, String label) {
    boolean documented = e instanceof IllegalArgumentException || e instanceof IllegalStateException
        || e instanceof UncheckedIOException || e instanceof UnsupportedOperationException;
    String msg = String.valueOf(e.getMessage());
    boolean named = !seed.kind().equals("json") ? msg.contains(file.getFileName().toString())
        : msg.contains("JSON") || msg.contains("json");
    if (!documented) {
      failures.add(label + ": undocumented " + e.getClass().getName() + ": " + msg + stack(e));
      return "undocumented " + e.getClass().getSimpleName();
    }
    if (!named) {
      failures.add(label + ": message does not name the file: " + e.getClass().getSimpleName() + ": " + msg + stack(e));
    }
    return e.getClass().getSimpleName();
  }

  static String stack(Throwable e) {
    StringBuilder sb = new StringBuilder();
    StackTraceElement[] st = e.getStackTrace();
    for (int i = 0; i < Math.min(6, st.length); i++) {
      sb.append("\n      at ").append(st[i]);
    }
    return sb.toString();
  }

  /** Loads the file as its kind and predicts once; returns "loaded". */
  static String run(Seed seed, Path file) throws IOException {
    Model model;
    switch (seed.kind()) {
      case "json" -> model = Models.fromJson(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1));
      case "weights" -> {
        Path json = seed.path().resolveSibling("model.json");
        model = Models.fromJson(Files.readString(json));
        model.loadWeights(file);
      }
      default -> model = Models.load(file);
    }
    try (Model m = model) {
      long[] shape = m.inputShapes().get(0).clone();
      shape[0] = 2;
      long n = 1;
      for (long d : shape) {
        n = d < 0 || n > 1_000_000 ? Long.MAX_VALUE : n * d;
      }
      if (m.inputs().size() == 1 && n <= 1_000_000) {
        m.predictAll(List.of(NdArrays.ofFloats(Shape.of(shape))), Fit.verbose(0));
      }
    }
    return "loaded";
  }

  record Mutated(byte[] bytes, String how) {}

  static Mutated mutate(Seed seed, byte[] b, Random rnd) throws IOException {
    int choice = rnd.nextInt(seed.kind().equals("keras") ? 6 : seed.kind().equals("json") ? 4 : 4);
    switch (choice) {
      case 0:
        return new Mutated(flip(b, rnd, 0, b.length), "bytes flipped");
      case 1:
        return new Mutated(java.util.Arrays.copyOf(b, rnd.nextInt(b.length)), "truncated");
      case 2:
        if (seed.kind().equals("json")) {
          return jsonMutation(b, rnd);
        }
        return new Mutated(flip(b, rnd, 0, Math.min(b.length, 2048)), "header bytes flipped");
      case 3:
        if (seed.kind().equals("json")) {
          return jsonMutation(b, rnd);
        }
        return new Mutated(flip(b, rnd, b.length / 2, b.length), "tail bytes flipped");
      case 4:
        return zipMutation(b, rnd);
      default:
        Map<String, byte[]> entries = unzip(b);
        if (entries.containsKey("config.json")) {
          Mutated j = jsonMutation(entries.get("config.json"), rnd);
          entries.put("config.json", j.bytes);
          return new Mutated(zip(entries), "config.json " + j.how);
        }
        return new Mutated(flip(b, rnd, 0, b.length), "bytes flipped");
    }
  }

  static byte[] flip(byte[] b, Random rnd, int from, int to) {
    byte[] out = b.clone();
    int n = 1 + rnd.nextInt(16);
    for (int i = 0; i < n && to > from; i++) {
      out[from + rnd.nextInt(to - from)] = (byte) rnd.nextInt(256);
    }
    return out;
  }

  static Map<String, byte[]> unzip(byte[] b) throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (ZipInputStream z = new ZipInputStream(new java.io.ByteArrayInputStream(b))) {
      for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
        out.put(e.getName(), z.readAllBytes());
      }
    }
    return out;
  }

  static byte[] zip(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream bos = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bos)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(e.getValue());
        z.closeEntry();
      }
    }
    return bos.toByteArray();
  }

  static Mutated zipMutation(byte[] b, Random rnd) throws IOException {
    Map<String, byte[]> entries = unzip(b);
    List<String> names = new ArrayList<>(entries.keySet());
    String victim = names.get(rnd.nextInt(names.size()));
    String how;
    switch (rnd.nextInt(4)) {
      case 0 -> {
        entries.remove(victim);
        how = "zip entry removed: " + victim;
      }
      case 1 -> {
        entries.put("renamed_" + victim, entries.remove(victim));
        how = "zip entry renamed: " + victim;
      }
      case 2 -> {
        byte[] junk = new byte[rnd.nextInt(64)];
        rnd.nextBytes(junk);
        entries.put(victim, junk);
        how = "zip entry replaced by junk: " + victim;
      }
      default -> {
        entries.put(victim, entries.get(names.get(rnd.nextInt(names.size()))));
        how = "zip entry swapped: " + victim;
      }
    }
    return new Mutated(zip(entries), how);
  }

  static Mutated jsonMutation(byte[] b, Random rnd) throws IOException {
    JsonNode root;
    try {
      root = JSON.readTree(b);
    } catch (IOException e) {
      return new Mutated(flip(b, rnd, 0, b.length), "bytes flipped");
    }
    List<JsonNode> containers = new ArrayList<>();
    collect(root, containers);
    JsonNode target = containers.get(rnd.nextInt(containers.size()));
    JsonNodeFactory f = JsonNodeFactory.instance;
    JsonNode[] replacements = {f.textNode("x"), f.numberNode(-1), f.numberNode(0), f.numberNode(1L << 40),
        f.numberNode(1 << 24), f.numberNode(2.5), f.nullNode(), f.booleanNode(true), f.arrayNode(),
        f.objectNode(), f.arrayNode().add(1L << 40).add(1L << 40)};
    JsonNode r = replacements[rnd.nextInt(replacements.length)];
    String how;
    if (target instanceof ObjectNode o && o.size() > 0) {
      List<String> keys = new ArrayList<>();
      o.fieldNames().forEachRemaining(keys::add);
      String k = keys.get(rnd.nextInt(keys.size()));
      if (rnd.nextInt(5) == 0) {
        o.remove(k);
        how = "json key removed: " + k;
      } else {
        o.set(k, r);
        how = "json value replaced: " + k + "=" + r;
      }
    } else if (target instanceof ArrayNode a && a.size() > 0) {
      int i = rnd.nextInt(a.size());
      a.set(i, r);
      how = "json element replaced: [" + i + "]=" + r;
    } else {
      return new Mutated(flip(b, rnd, 0, b.length), "bytes flipped");
    }
    return new Mutated(JSON.writeValueAsBytes(root), how);
  }

  static void collect(JsonNode n, List<JsonNode> out) {
    if (n.isContainerNode() && n.size() > 0) {
      out.add(n);
      n.forEach(c -> collect(c, out));
    }
  }
}
