"""Training parity for RecurrentTrainingParityTest: for each NAME, loads DIR/NAME.keras (keras4j's model with its
initial weights), trains it in real Keras like keras4j did (adam, mse, metric mae, 2 epochs, batch 8, no
shuffling) on DIR/NAME.x.npy with targets DIR/NAME.y.npy (or x), and writes the trained weights to
DIR/NAME.keras-w<i>.f32 (raw little-endian float32). Prints one JSON line per NAME: name, weight count, the
history's loss and mae."""
import json
import os
import sys
import warnings

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
warnings.filterwarnings("ignore")
import numpy as np  # noqa: E402
import keras  # noqa: E402


def main():
    d, names = sys.argv[1], sys.argv[2:]
    for name in names:
        m = keras.saving.load_model(os.path.join(d, name + ".keras"), compile=False)
        x = np.load(os.path.join(d, name + ".x.npy"))
        y_file = os.path.join(d, name + ".y.npy")
        y = np.load(y_file) if os.path.exists(y_file) else x
        m.compile(optimizer=keras.optimizers.Adam(), loss="mse", metrics=["mae"])
        h = m.fit(x, y, epochs=2, batch_size=8, shuffle=False, verbose=0)
        ws = m.get_weights()
        for i, w in enumerate(ws):
            np.asarray(w, dtype="<f4").tofile(os.path.join(d, "%s.keras-w%d.f32" % (name, i)))
        print(json.dumps({"name": name, "weights": len(ws), "loss": [float(v) for v in h.history["loss"]],
                          "mae": [float(v) for v in h.history["mae"]]}))


if __name__ == "__main__":
    main()
