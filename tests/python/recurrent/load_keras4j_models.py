"""Loads the models keras4j wrote (RecurrentKerasInteropTest) in real Keras and compares Keras's predictions with
keras4j's.   python load_keras4j_models.py DIR NAME...
For each NAME: DIR/NAME.keras (load_model), DIR/NAME.h5 (legacy load_model), DIR/NAME.json + DIR/NAME.weights.h5
(model_from_json + load_weights) and DIR/NAME.legacy-weights.h5 (load_weights into the .keras model); inputs
DIR/NAME.x<i>.npy, keras4j's outputs DIR/NAME.y<i>.npy. Prints one line per file: NAME FORMAT MAXDIFF."""
import os
import sys
import warnings

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
warnings.filterwarnings("ignore")
import numpy as np  # noqa: E402
import keras  # noqa: E402


def outputs(model, x):
    y = model.predict(x, verbose=0)
    return y if isinstance(y, (list, tuple)) else [y]


def main():
    d, names = sys.argv[1], sys.argv[2:]
    for name in names:
        p = lambda suffix: os.path.join(d, name + suffix)
        x = []
        while os.path.exists(p(".x%d.npy" % len(x))):
            x.append(np.load(p(".x%d.npy" % len(x))))
        x = x[0] if len(x) == 1 else x
        expected = []
        while os.path.exists(p(".y%d.npy" % len(expected))):
            expected.append(np.load(p(".y%d.npy" % len(expected))))
        models = {}
        models["keras"] = keras.saving.load_model(p(".keras"), compile=False)
        models["h5"] = keras.saving.load_model(p(".h5"), compile=False)
        with open(p(".json")) as f:
            m = keras.models.model_from_json(f.read())
        m.load_weights(p(".weights.h5"))
        models["json+weights.h5"] = m
        m2 = keras.saving.load_model(p(".keras"), compile=False)
        m2.set_weights([np.zeros_like(w) for w in m2.get_weights()])
        m2.load_weights(p(".legacy-weights.h5"))
        models["legacy-weights.h5"] = m2
        for fmt, m in models.items():
            ys = outputs(m, x)
            if len(ys) != len(expected):
                print(name, fmt, "outputs", len(ys), "expected", len(expected))
                continue
            diff = max(float(np.max(np.abs(a - b))) for a, b in zip(ys, expected))
            print(name, fmt, "%.3e" % diff)
        sys.stdout.flush()


if __name__ == "__main__":
    main()
