package keras4j.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import keras4j.backend.Backend;
import keras4j.callbacks.Callback;
import keras4j.datasets.ImageDataset;
import keras4j.datasets.Mnist;
import keras4j.examples.IntroAutoencoders;
import keras4j.layers.Conv2D;
import keras4j.layers.Dense;
import keras4j.layers.Input;
import keras4j.layers.KerasTensor;
import keras4j.layers.MaxPooling2D;
import keras4j.layers.UpSampling2D;
import keras4j.models.Fit;
import keras4j.models.Model;
import keras4j.models.Models;
import keras4j.neighbors.KNeighborsClassifier;
import keras4j.utils.Np;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * {@code keras4j bench}: seconds per epoch of the four seed models on MNIST (keras4j and the same models as a
 * bare TensorFlow Java graph, side by side in one run), predict throughput, model-file opening, KNN, and memory
 * over repeated predict/fit calls. Medians over the epochs after the first (warm-up) one.
 *
 * <pre>
 * keras4j bench [--quick] [--models M1,M2,M3,M4] [--epochs 4] [--samples 60000] [--data mnist|synthetic]
 *               [--no-bare] [--no-peer] [--no-keras] [--with-keras] [--keras-python PATH] [--skip-train]
 *               [--no-latency] [--latency-calls 10000] [--peer-latency-calls 1000] [--predict-calls 200]
 *               [--predict] [--files] [--knn] [--memory] [--all] [--profile [M4|all]]
 *               [--lever NAME:property=value,... [--rounds 3]]
 * </pre>
 *
 * <p>The training table puts keras4j beside bare TF Java, real Keras on TensorFlow and on JAX, and PyTorch (see
 * {@link Peers}), model by model in one run; the latency table times single-image and small-batch predict calls and
 * batch-32 / batch-1,024 throughput against Keras's {@code predict} and {@code model(x)}.
 */
public final class Bench {
  /** A benchmark model: name, description, batch size. */
  record Spec(String name, String description, int batch, boolean images) {}

  static final List<Spec> SPECS = List.of(
      new Spec("M1", "simple AE 784-32-784", 256, false),
      new Spec("M2", "deep AE 784-128-64-32-64-128-784", 256, false),
      new Spec("M3", "seed 001 conv AE", 256, true),
      new Spec("M4", "seed 004 conv AE 30/15", 128, true));

  /** Training images under {@code --quick}. */
  static final int QUICK_SAMPLES = 20000;

  private Bench() {}

  /** A wrong command line: the caller exits with status 2 ({@code keras4j bench} does). */
  public static final class UsageError extends IllegalArgumentException {
    UsageError(String message) {
      super(message);
    }
  }

  static final String HELP = """
      Usage: keras4j bench [options]

      Trains the benchmark models with keras4j, with the same models written on TensorFlow Java's graph API
      ("bare"), with Keras 3.15.1 on TensorFlow 2.21 and on JAX 0.10.2 (bench/peer_keras.py) and with PyTorch
      (bench/peer_pytorch.py, when python3 with torch is installed), all in this run, and prints seconds per
      epoch (median of epochs 2..N), FLOPs, every ratio, and predict latency and throughput beside Keras's.

      Options:
        --models M1,M2,M3,M4  Which models to train (default all): M1 simple AE 784-32-784, M2 deep AE,
                              M3 seed 001 conv AE, M4 seed 004 conv AE 30/15
        --epochs N            Epochs per model, at least 2; the first is a warm-up (default 4)
        --samples N           Training images (default 60000)
        --data mnist|synthetic  MNIST (default; falls back to synthetic when it cannot be loaded) or random images
        --no-bare             Skip the bare TensorFlow Java peer
        --no-peer             Skip the PyTorch and Keras peers
        --no-keras            Skip the Keras peers
        --with-keras          Create target/keras-venv with the pinned Keras, TensorFlow and JAX (pip) if missing
        --keras-python PATH   The Python with Keras to use (also KERAS4J_BENCH_KERAS_PYTHON)
        --no-latency          Skip the predict latency and throughput table
        --latency-calls N     keras4j predict calls per latency figure (default 10000)
        --peer-latency-calls N  Keras model(x) calls per latency figure (default 1000)
        --predict-calls N     Keras predict() calls per latency figure (default 200)
        --skip-train          Skip the training table
        --predict             Add predict throughput
        --files               Add the time to open and build models from .h5 and .keras files
        --knn                 Add k-nearest-neighbour timings
        --memory              Add resident memory over repeated predict and fit calls
        --all                 --predict --files --knn --memory
        --quick               A shorter full run (about a third of the time): --samples 20000 --epochs 3
                              --latency-calls 2000 --peer-latency-calls 300 --predict-calls 50 (options given
                              explicitly still apply)
        --profile             After the training table, one line per model: ops per step and the costliest
                              kernels (also --profile all)
        --profile M           Instead of the table, show where one model's training step spends its time
        --lever NAME:P=V,...  Instead of the table, an A/B of system-property switches (repeat per variant; one
                              alone is compared with the defaults), interleaved over --rounds (default 3)
        -h, --help            Show this help
      Exit codes: 0 success, 1 failure, 2 wrong command line.
      """;

  private static String value(String[] args, int i) {
    if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
      throw new UsageError(args[i] + " expects a value");
    }
    return args[i + 1];
  }

  private static int integer(String[] args, int i) {
    String v = value(args, i);
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new UsageError(args[i] + " expects an integer, received '" + v + "'");
    }
  }

  private static List<String> models(String v) {
    List<String> known = SPECS.stream().map(Spec::name).toList();
    List<String> chosen = Arrays.asList(v.split(","));
    for (String m : chosen) {
      if (!known.contains(m)) {
        throw new UsageError("--models expects names among " + known + ", received '" + m + "'");
      }
    }
    return chosen;
  }

  /** Runs the benchmark with command-line style arguments; returns a process exit code. */
  public static int run(String[] args, PrintStream out) {
    List<String> models = new ArrayList<>(List.of("M1", "M2", "M3", "M4"));
    int epochs = 4;
    int samples = 60000;
    String data = "mnist";
    boolean bare = true;
    boolean peer = true;
    boolean keras = true;
    boolean withKeras = false;
    String kerasPython = null;
    boolean latency = true;
    int latencyCalls = 10000;
    int peerLatencyCalls = 1000;
    int predictCalls = 200;
    boolean train = true;
    boolean predict = false;
    boolean files = false;
    boolean knn = false;
    boolean memory = false;
    String profile = null;
    List<Levers.Variant> levers = new ArrayList<>();
    int rounds = 3;
    boolean profileAll = false;
    if (Arrays.asList(args).contains("--quick")) {
      samples = QUICK_SAMPLES;
      epochs = 3;
      latencyCalls = 2000;
      peerLatencyCalls = 300;
      predictCalls = 50;
    }
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--profile" -> {
          if (i + 1 < args.length && !args[i + 1].startsWith("--") && !args[i + 1].equals("all")) {
            profile = models(value(args, i++)).get(0);
            train = false;
            latency = false;
          } else {
            if (i + 1 < args.length && args[i + 1].equals("all")) {
              i++;
            }
            profileAll = true;
          }
        }
        case "--quick" -> { }
        case "--models" -> models = models(value(args, i++));
        case "--lever" -> levers.add(Levers.Variant.parse(value(args, i++)));
        case "--rounds" -> rounds = integer(args, i++);
        case "--epochs" -> epochs = integer(args, i++);
        case "--samples" -> {
          samples = integer(args, i++);
          if (samples < 1) {
            throw new UsageError("--samples expects at least 1, received " + samples);
          }
        }
        case "--data" -> {
          data = value(args, i++);
          if (!data.equals("mnist") && !data.equals("synthetic")) {
            throw new UsageError("--data expects mnist or synthetic, received '" + data + "'");
          }
        }
        case "--no-keras" -> keras = false;
        case "--with-keras" -> withKeras = true;
        case "--keras-python" -> kerasPython = value(args, i++);
        case "--no-latency" -> latency = false;
        case "--latency-calls" -> latencyCalls = integer(args, i++);
        case "--peer-latency-calls" -> peerLatencyCalls = integer(args, i++);
        case "--predict-calls" -> predictCalls = integer(args, i++);
        case "--no-bare" -> bare = false;
        case "--no-peer" -> peer = false;
        case "--skip-train" -> {
          train = false;
          latency = false;
        }
        case "--predict" -> predict = true;
        case "--files" -> files = true;
        case "--knn" -> knn = true;
        case "--memory" -> memory = true;
        case "--all" -> {
          predict = true;
          files = true;
          knn = true;
          memory = true;
        }
        case "--help", "-h" -> {
          out.print(HELP);
          out.flush();
          return 0;
        }
        default -> throw new UsageError("unknown option '" + a + "'");
      }
    }
    if (epochs < 2) {
      throw new UsageError("--epochs must be at least 2 (the first epoch is a warm-up), received " + epochs);
    }
    Data d = Data.load(data, samples, out);
    out.printf(Locale.ROOT, "keras4j bench: %d samples (%s), %d epochs (median of epochs 2-%d), %d cores%n", d.n, d.source,
        epochs, epochs, Runtime.getRuntime().availableProcessors());
    if (profile != null) {
      profile(profile, d, out);
    }
    if (!levers.isEmpty()) {
      if (levers.size() < 2) {
        levers.add(0, new Levers.Variant("default", Map.of()));
      }
      Levers.table(models, levers, rounds, epochs, d, out);
      return 0;
    }
    long started = System.nanoTime();
    Peers peers = peer && (train || latency) ? new Peers(kerasPython, withKeras, keras, out) : null;
    if (train) {
      trainTable(models, epochs, bare, peers, d, out);
    }
    if (profileAll) {
      profileSummary(models, d, out);
    }
    if (latency) {
      Latency.table(d, peers, latencyCalls, peerLatencyCalls, predictCalls, out);
    }
    if (predict) {
      predictThroughput(d, out);
    }
    if (files) {
      fileOpening(out);
    }
    if (knn) {
      knn(d, out);
    }
    if (memory) {
      memory(d, out);
    }
    out.printf(Locale.ROOT, "%nbench: %.1f minutes%n", (System.nanoTime() - started) / 60e9);
    return 0;
  }

  /** Training data: MNIST when it can be loaded, else synthetic images of the same shape. */
  record Data(FloatNdArray flat, FloatNdArray images, FloatNdArray testFlat, FloatNdArray testImages, int[] yTrain,
      int[] yTest, int n, String source) {
    static Data load(String kind, int samples, PrintStream out) {
      float[] train;
      float[] test;
      int[] yTrain;
      int[] yTest;
      String source;
      if (kind.equals("mnist")) {
        ImageDataset m = Mnist.loadData();
        train = Np.toFloatArray(Np.asFloat32(m.xTrain(), 255.0));
        test = Np.toFloatArray(Np.asFloat32(m.xTest(), 255.0));
        yTrain = labels(m.yTrain());
        yTest = labels(m.yTest());
        source = "MNIST";
      } else if (kind.equals("synthetic")) {
        java.util.Random r = new java.util.Random(1);
        train = new float[60000 * 784];
        test = new float[10000 * 784];
        for (int i = 0; i < train.length; i++) {
          train[i] = r.nextFloat() < 0.8f ? 0f : r.nextFloat();
        }
        for (int i = 0; i < test.length; i++) {
          test[i] = r.nextFloat() < 0.8f ? 0f : r.nextFloat();
        }
        yTrain = new int[60000];
        yTest = new int[10000];
        for (int i = 0; i < yTrain.length; i++) {
          yTrain[i] = i % 10;
        }
        for (int i = 0; i < yTest.length; i++) {
          yTest[i] = i % 10;
        }
        source = "synthetic";
      } else {
        throw new IllegalArgumentException("--data must be mnist or synthetic, received " + kind);
      }
      int n = Math.min(samples, train.length / 784);
      float[] part = Arrays.copyOf(train, n * 784);
      return new Data(Np.array(part, n, 784), Np.array(part, n, 28, 28, 1), Np.array(test, test.length / 784, 784),
          Np.array(test, test.length / 784, 28, 28, 1), Arrays.copyOf(yTrain, n), yTest, n, source);
    }

    private static int[] labels(org.tensorflow.ndarray.ByteNdArray y) {
      int[] out = new int[(int) y.shape().size(0)];
      for (int i = 0; i < out.length; i++) {
        out[i] = y.getByte(i) & 0xFF;
      }
      return out;
    }
  }

  /** The four benchmark models in keras4j. */
  static Model model(String name) {
    switch (name) {
      case "M1": {
        KerasTensor in = Input.shape(784);
        return new Model(in, new Dense(784, "sigmoid").apply(new Dense(32, "relu").apply(in)));
      }
      case "M2": {
        KerasTensor in = Input.shape(784);
        KerasTensor x = in;
        for (int units : new int[] {128, 64, 32, 64, 128}) {
          x = new Dense(units, "relu").apply(x);
        }
        return new Model(in, new Dense(784, "sigmoid").apply(x));
      }
      case "M3": {
        KerasTensor in = Input.shape(28, 28, 1);
        KerasTensor x = new Conv2D(16, 3, 3).activation("relu").padding("same").apply(in);
        x = new MaxPooling2D(2, 2).padding("same").apply(x);
        x = new Conv2D(8, 3, 3).activation("relu").padding("same").apply(x);
        x = new MaxPooling2D(2, 2).padding("same").apply(x);
        x = new Conv2D(8, 3, 3).activation("relu").padding("same").apply(x);
        x = new MaxPooling2D(2, 2).padding("same").apply(x);
        x = new Conv2D(8, 3, 3).activation("relu").padding("same").apply(x);
        x = new UpSampling2D(2, 2).apply(x);
        x = new Conv2D(8, 3, 3).activation("relu").padding("same").apply(x);
        x = new UpSampling2D(2, 2).apply(x);
        x = new Conv2D(16, 3, 3).activation("relu").apply(x);
        x = new UpSampling2D(2, 2).apply(x);
        return new Model(in, new Conv2D(1, 3, 3).activation("sigmoid").padding("same").apply(x));
      }
      case "M4":
        return IntroAutoencoders.convAutoencoder();
      default:
        throw new IllegalArgumentException("Unknown benchmark model " + name + ": expected M1, M2, M3 or M4");
    }
  }

  static Spec spec(String name) {
    return SPECS.stream().filter(s -> s.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown benchmark model " + name + ": expected M1, M2, M3 or M4"));
  }

  static double median(List<Double> v) {
    List<Double> s = new ArrayList<>(v);
    s.sort(Double::compare);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  /** Epoch times of keras4j's fit, measured by a callback. */
  static List<Double> keras4jEpochs(String name, Data d, int epochs) {
    Backend.clearSession();
    Spec spec = spec(name);
    Model m = model(name);
    m.compile("adam", "binary_crossentropy");
    List<Double> times = new ArrayList<>();
    Callback timer = new Callback() {
      long start;

      @Override
      public void onEpochBegin(int epoch, Map<String, Double> logs) {
        start = System.nanoTime();
      }

      @Override
      public void onEpochEnd(int epoch, Map<String, Double> logs) {
        times.add((System.nanoTime() - start) / 1e9);
      }
    };
    FloatNdArray x = spec.images() ? d.images : d.flat;
    m.fit(x, x, Fit.epochs(epochs), Fit.batchSize(spec.batch()), Fit.verbose(0), Fit.callbacks(timer));
    m.close();
    Backend.clearSession();
    return times;
  }

  static List<Double> bareEpochs(String name, Data d, int epochs) {
    Spec spec = spec(name);
    List<Double> times = new ArrayList<>();
    try (BareGraph g = new BareGraph(name, spec.images() ? d.images : d.flat)) {
      for (int e = 0; e < epochs; e++) {
        long t0 = System.nanoTime();
        g.epoch(d.n, spec.batch());
        times.add((System.nanoTime() - t0) / 1e9);
      }
    }
    return times;
  }

  /** Forward multiply-adds per sample of a model: Dense in*out, convolutions output*kernel*channels. */
  static long forwardMacs(Model m) {
    long macs = 0;
    for (keras4j.layers.Node n : m.nodes()) {
      keras4j.layers.Layer l = n.layer();
      if (n.isInput() || l.weights().isEmpty()) {
        continue;
      }
      long[] kernel = l.weights().get(0).shape();
      long kernelSize = 1;
      for (long k : kernel) {
        kernelSize *= k;
      }
      long[] in = n.inputs().get(0).shape();
      long[] outShape = n.outputs().get(0).shape();
      if (l instanceof Dense) {
        macs += kernelSize * keras4j.backend.Shapes.product(in, 1) / in[in.length - 1];
      } else if (l instanceof keras4j.layers.Conv2DTranspose) {
        macs += in[1] * in[2] * kernelSize;
      } else {
        macs += outShape[1] * outShape[2] * kernelSize;
      }
    }
    return macs;
  }

  /** The machine's single-precision matrix-multiply rate in GFLOP/s (2048x2048 MatMul in TensorFlow). */
  static double sgemmGflops() {
    try (org.tensorflow.Graph g = new org.tensorflow.Graph()) {
      org.tensorflow.op.Ops tf = org.tensorflow.op.Ops.create(g);
      int n = 2048;
      org.tensorflow.op.core.Variable<org.tensorflow.types.TFloat32> va = tf.withInitScope().variable(
          tf.withInitScope().random.randomUniform(tf.withInitScope().constant(new int[] {n, n}),
              org.tensorflow.types.TFloat32.class));
      org.tensorflow.Operand<org.tensorflow.types.TFloat32> prod = tf.reduceSum(tf.linalg.matMul(va, va),
          tf.constant(new int[] {0, 1}));
      try (org.tensorflow.Session s = new org.tensorflow.Session(g)) {
        s.initialize();
        for (int i = 0; i < 3; i++) {
          s.runner().fetch(prod).run().close();
        }
        List<Double> rates = new ArrayList<>();
        for (int r = 0; r < 5; r++) {
          long t0 = System.nanoTime();
          int reps = 5;
          for (int i = 0; i < reps; i++) {
            s.runner().fetch(prod).run().close();
          }
          rates.add(2.0 * n * n * n * reps / ((System.nanoTime() - t0) / 1e9) / 1e9);
        }
        return median(rates);
      }
    }
  }

  private static String fmt(List<Double> epochs) {
    return epochs == null ? "-" : String.format(Locale.ROOT, "%.2f", median(epochs.subList(1, epochs.size())));
  }

  private static String ratio(double k, List<Double> peer) {
    return peer == null ? "-" : String.format(Locale.ROOT, "%.2f", k / median(peer.subList(1, peer.size())));
  }

  private static void trainTable(List<String> models, int epochs, boolean bare, Peers peers, Data d, PrintStream out) {
    double gflops = sgemmGflops();
    out.println();
    out.printf(Locale.ROOT, "Training, seconds per epoch (adam + binary_crossentropy, median of epochs 2-%d); "
        + "sgemm %.0f GFLOP/s measured;%n", epochs, gflops);
    out.println("lower bound = 3 x 2 x forward multiply-adds x samples / sgemm rate; ratios are keras4j / peer, "
        + "each model's five runs back to back");
    out.println("| model | batch | keras4j | bare TF Java | Keras-TF | Keras-JAX | PyTorch | /bare | /Keras-TF | /Keras-JAX "
        + "| /PyTorch | /best(JAX,PyTorch) | GFLOP/epoch | lower bound | keras4j/bound |");
    out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    for (String name : models) {
      Spec spec = spec(name);
      List<Double> k4 = keras4jEpochs(name, d, epochs);
      double k = median(k4.subList(1, epochs));
      Backend.clearSession();
      double flops = 6.0 * forwardMacs(model(name)) * d.n;
      Backend.clearSession();
      double bound = flops / (gflops * 1e9);
      List<Double> b = bare ? bareEpochs(name, d, epochs) : null;
      List<Double> torch = peers != null ? peers.pytorchEpochs(name, epochs, d.n) : null;
      List<Double> ktf = peers != null ? peers.kerasEpochs("tensorflow", name, epochs, d.n) : null;
      List<Double> kjax = peers != null ? peers.kerasEpochs("jax", name, epochs, d.n) : null;
      String best = "-";
      if (torch != null || kjax != null) {
        double t = Math.min(torch == null ? Double.MAX_VALUE : median(torch.subList(1, epochs)),
            kjax == null ? Double.MAX_VALUE : median(kjax.subList(1, epochs)));
        best = String.format(Locale.ROOT, "%.2f", k / t);
      }
      out.printf(Locale.ROOT, "| %s %s | %d | %.2f | %s | %s | %s | %s | %s | %s | %s | %s | %s | %.1f | %.2f | %.1fx |%n",
          name, spec.description(), spec.batch(), k, fmt(b), fmt(ktf), fmt(kjax), fmt(torch), ratio(k, b), ratio(k, ktf),
          ratio(k, kjax), ratio(k, torch), best, flops / 1e9, bound, k / bound);
      out.flush();
    }
  }

  /** Op times of 20 training steps of one model (after a warm-up epoch on the same samples). */
  static keras4j.backend.Profile profileOf(String name, Data d) {
    Backend.clearSession();
    Spec spec = spec(name);
    Model m = model(name);
    m.compile("adam", "binary_crossentropy");
    long rows = Math.min(20L * spec.batch(), d.n);
    FloatNdArray x = Np.rows(spec.images() ? d.images : d.flat, 0, rows);
    m.fit(x, x, Fit.epochs(1), Fit.batchSize(spec.batch()), Fit.verbose(0));
    keras4j.backend.Context ctx = keras4j.backend.Context.current();
    ctx.startProfiling();
    keras4j.backend.Profile p;
    try {
      m.fit(x, x, Fit.epochs(1), Fit.batchSize(spec.batch()), Fit.verbose(0));
    } finally {
      p = ctx.stopProfiling();
    }
    m.close();
    Backend.clearSession();
    return p;
  }

  private static void profile(String name, Data d, PrintStream out) {
    Spec spec = spec(name);
    keras4j.backend.Profile p = profileOf(name, d);
    out.println();
    out.println("Profile of " + name + " (" + spec.description() + "), batch " + spec.batch() + ":");
    p.table(15).forEach(out::println);
    out.println("The costliest single ops:");
    p.nodes(15).forEach(out::println);
  }

  /** One line per model: where keras4j's training step spends its op time, by the kernel that ran. */
  private static void profileSummary(List<String> models, Data d, PrintStream out) {
    out.println();
    out.println("Where keras4j's training step goes (20 traced steps per model; kernels after grappler's and oneDNN's "
        + "rewrites; tracing inflates small ops)");
    out.println("| model | batch | ops per step | op ms per step | traced wall ms per step | costliest kernels (share of op time) |");
    out.println("|---|---|---|---|---|---|");
    for (String name : models) {
      keras4j.backend.Profile p = profileOf(name, d);
      out.printf(Locale.ROOT, "| %s | %d | %d | %.2f | %.2f | %s |%n", name, spec(name).batch(), p.opCount(),
          p.opMillisPerRun(), p.wallMillisPerRun(), p.summary(6));
      out.flush();
    }
  }

  private static void predictThroughput(Data d, PrintStream out) {
    out.println();
    out.println("Predict throughput on the 10,000 test images (batch 32, as Keras's default)");
    out.println("| model | images/s |");
    out.println("|---|---|");
    Backend.clearSession();
    Model deep = model("M2");
    Model encoder = new Model(deep.inputs().get(0), deep.layer(3).inboundNodes().get(0).outputs().get(0));
    Model m4 = model("M4");
    for (Object[] row : new Object[][] {{"deep encoder (784-128-64-32)", encoder, d.testFlat},
        {"M4 conv AE", m4, d.testImages}}) {
      Model m = (Model) row[1];
      FloatNdArray x = (FloatNdArray) row[2];
      m.predict(x, Fit.verbose(0));
      List<Double> rates = new ArrayList<>();
      for (int r = 0; r < 3; r++) {
        long t0 = System.nanoTime();
        m.predict(x, Fit.verbose(0));
        rates.add(x.shape().size(0) / ((System.nanoTime() - t0) / 1e9));
      }
      out.printf(Locale.ROOT, "| %s | %.0f |%n", row[0], median(rates));
    }
    Backend.clearSession();
  }

  private static void fileOpening(PrintStream out) {
    out.println();
    out.println("Opening a model file and building the model (median of 5)");
    out.println("| file | size | seconds |");
    out.println("|---|---|---|");
    try {
      Path dir = Files.createTempDirectory("keras4j-bench");
      for (int hidden : new int[] {160, 800}) {
        Backend.clearSession();
        KerasTensor in = Input.shape(784);
        Model m = new Model(in, new Dense(784, "sigmoid").apply(new Dense(hidden, "relu").apply(in)));
        List<Path> saved = new ArrayList<>();
        for (String ext : new String[] {".h5", ".keras"}) {
          Path f = dir.resolve("model-" + hidden + ext);
          m.save(f);
          saved.add(f);
        }
        for (Path f : saved) {
          List<Double> times = new ArrayList<>();
          for (int r = 0; r < 5; r++) {
            Backend.clearSession();
            long t0 = System.nanoTime();
            Models.load(f);
            times.add((System.nanoTime() - t0) / 1e9);
          }
          out.printf(Locale.ROOT, "| %s | %.1f MB | %.3f |%n", f.getFileName(), Files.size(f) / 1e6, median(times));
          Files.delete(f);
        }
      }
      Files.delete(dir);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Backend.clearSession();
  }

  private static void knn(Data d, PrintStream out) {
    out.println();
    out.println("KNN (k=7), 10,000 queries against " + d.n + " training rows");
    out.println("| features | seconds | accuracy |");
    out.println("|---|---|---|");
    Backend.clearSession();
    try (KNeighborsClassifier raw = new KNeighborsClassifier(7)) {
      long t0 = System.nanoTime();
      raw.fit(d.flat, d.yTrain);
      double acc = raw.score(d.testFlat, d.yTest);
      out.printf(Locale.ROOT, "| raw 784 | %.2f | %.4f |%n", (System.nanoTime() - t0) / 1e9, acc);
    }
    KerasTensor in = Input.shape(784);
    Model enc = new Model(in, new Dense(16, "relu").apply(in));
    FloatNdArray codes = enc.predict(d.flat, Fit.verbose(0));
    FloatNdArray testCodes = enc.predict(d.testFlat, Fit.verbose(0));
    try (KNeighborsClassifier c = new KNeighborsClassifier(7)) {
      long t0 = System.nanoTime();
      c.fit(codes, d.yTrain);
      double acc = c.score(testCodes, d.yTest);
      out.printf(Locale.ROOT, "| 16-d (untrained encoder) | %.2f | %.4f |%n", (System.nanoTime() - t0) / 1e9, acc);
    }
    Backend.clearSession();
  }

  /** Resident memory of this process in MB, from /proc (Linux), or -1. */
  static double rssMb() {
    try {
      for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (l.startsWith("VmRSS:")) {
          return Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  private static void memory(Data d, PrintStream out) {
    out.println();
    out.println("Memory (resident set size) over repeated calls");
    Backend.clearSession();
    Model m = model("M2");
    m.compile("adam", "binary_crossentropy");
    FloatNdArray x = Np.rows(d.testFlat, 0, 1000);
    List<String> row = new ArrayList<>();
    for (int i = 1; i <= 1000; i++) {
      m.predict(x, Fit.verbose(0));
      if (i == 100 || i == 500 || i == 1000) {
        System.gc();
        row.add(String.format(Locale.ROOT, "after %d predicts: %.0f MB", i, rssMb()));
      }
    }
    out.println(String.join("; ", row));
    row.clear();
    FloatNdArray xf = Np.rows(d.flat, 0, Math.min(10000, d.n));
    for (int i = 1; i <= 20; i++) {
      m.fit(xf, xf, Fit.epochs(1), Fit.batchSize(256), Fit.verbose(0));
      if (i == 2 || i == 10 || i == 20) {
        System.gc();
        row.add(String.format(Locale.ROOT, "after %d fits: %.0f MB", i, rssMb()));
      }
    }
    out.println(String.join("; ", row));
    m.close();
    Backend.clearSession();
  }

  /** {@code java keras4j.bench.Bench [options]}: exits with {@link #run}'s status. */
  public static void main(String[] args) {
    System.exit(run(args, System.out));
  }
}
