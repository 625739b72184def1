package keras4j.reliability;

import static keras4j.models.Fit.batchSize;
import static keras4j.models.Fit.callbacks;
import static keras4j.models.Fit.epochs;
import static keras4j.models.Fit.initialEpoch;
import static keras4j.models.Fit.shuffle;
import static keras4j.models.Fit.verbose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import keras4j.backend.Backend;
import keras4j.callbacks.ModelCheckpoint;
import keras4j.layers.Dense;
import keras4j.layers.Input;
import keras4j.layers.KerasTensor;
import keras4j.models.Model;
import keras4j.models.Models;
import keras4j.testing.KerasPython;
import keras4j.testing.SyntheticDigits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * Training resumed from a file equals the uninterrupted run with shuffle on: the shuffling generator's state is
 * saved with the model (.keras metadata, legacy .h5 attribute), and real Keras still loads the files. Legacy .h5 is
 * not in the equality check: keras4j's .h5 files carry no optimizer state, so Adam restarts (measured 0.0098).
 */
class ResumeShuffleTest {
  @TempDir
  Path dir;

  @AfterEach
  void clear() {
    Backend.clearSession();
  }

  private static Model build() {
    Backend.setRandomSeed(3);
    KerasTensor in = Input.shape(784);
    Model m = new Model(in, new Dense(784, "sigmoid").apply(new Dense(16, "relu").apply(in)));
    m.compile("adam", "binary_crossentropy");
    return m;
  }

  static double maxDiff(List<FloatNdArray> a, List<FloatNdArray> b) {
    double[] worst = {0};
    for (int i = 0; i < a.size(); i++) {
      FloatNdArray bi = b.get(i);
      a.get(i).scalars().forEachIndexed((idx, s) -> worst[0] = Math.max(worst[0],
          Math.abs(s.getFloat() - bi.getFloat(idx))));
    }
    return worst[0];
  }

  @Test
  void resumingWithShuffleEqualsTheUninterruptedRun() {
    FloatNdArray x = SyntheticDigits.flat(256, 2);
    Backend.clearSession();
    Model straightModel = build();
    List<Double> straight = straightModel.fit(x, x, epochs(4), batchSize(64), shuffle(true), verbose(0))
        .history().get("loss");
    List<FloatNdArray> straightWeights = straightModel.getWeights();

    for (String file : List.of("half.keras", "checkpoint")) {
      Backend.clearSession();
      Model first = build();
      Path saved;
      if (file.equals("checkpoint")) {
        first.fit(x, x, epochs(2), batchSize(64), shuffle(true), verbose(0),
            callbacks(new ModelCheckpoint(dir.resolve("ckpt-{epoch:02d}.keras"))));
        saved = dir.resolve("ckpt-02.keras");
      } else {
        first.fit(x, x, epochs(2), batchSize(64), shuffle(true), verbose(0));
        saved = dir.resolve(file);
        first.save(saved);
      }
      Backend.clearSession();
      Backend.setRandomSeed(99);
      Model resumed = Models.load(saved);
      List<Double> rest = resumed.fit(x, x, epochs(4), initialEpoch(2), batchSize(64), shuffle(true), verbose(0))
          .history().get("loss");
      double dw = maxDiff(straightWeights, resumed.getWeights());
      System.out.printf("resume from %s with shuffle: losses %s vs uninterrupted %s; max weight difference %.3g%n",
          file, rest, straight.subList(2, 4), dw);
      assertEquals(straight.get(2), rest.get(0), 1e-6, file);
      assertEquals(straight.get(3), rest.get(1), 1e-6, file);
      assertTrue(dw < 1e-6, file + ": weights differ by " + dw);
    }
  }

  @Test
  void realKerasLoadsFilesCarryingTheShuffleState() throws Exception {
    KerasPython.python();
    FloatNdArray x = SyntheticDigits.flat(64, 2);
    Model m = build();
    m.fit(x, x, epochs(1), batchSize(32), shuffle(true), verbose(0));
    m.save(dir.resolve("s.keras"));
    m.save(dir.resolve("s.h5"));
    Path script = dir.resolve("load.py");
    Files.writeString(script, String.join("\n",
        "import sys, json, zipfile, h5py, keras",
        "for p in sys.argv[1:]:",
        "    m = keras.models.load_model(p)",
        "    print(p.rsplit('/', 1)[-1], m.outputs[0].shape[-1], m.optimizer.__class__.__name__)",
        "print(json.load(zipfile.ZipFile(sys.argv[1]).open('metadata.json')).get('keras4j_shuffle_state') is not None)",
        "print('keras4j_shuffle_state' in h5py.File(sys.argv[2], 'r').attrs)", ""));
    String out = KerasPython.run(script, 300, dir.resolve("s.keras").toString(), dir.resolve("s.h5").toString());
    assertTrue(out.contains("s.keras 784 Adam") && out.contains("s.h5 784 Adam"), out);
    assertTrue(out.trim().endsWith("True\nTrue"), out);
  }
}
