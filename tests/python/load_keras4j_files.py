"""Loads the files keras4j wrote with real Keras and reports how far Keras's outputs are from the expected ones.

    python load_keras4j_files.py DIR

DIR holds one directory per model with io.json (names and shapes of x0.., y0..: keras4j's inputs and outputs, stored
as raw little-endian float32 in NAME.bin), model.keras, model.h5, model.json (Keras 3 dialect) and model.weights.h5.
Prints one line per model and format:
``case<TAB>format<TAB>max|keras - expected|`` or ``case<TAB>format<TAB>ERROR<TAB>message``.
"""
import os
import sys
import warnings

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("KERAS_BACKEND", "tensorflow")
warnings.filterwarnings("ignore")

import json  # noqa: E402
import keras  # noqa: E402
import numpy as np  # noqa: E402


def loaders(d):
    def json_model(name):
        def load():
            with open(os.path.join(d, name)) as f:
                m = keras.models.model_from_json(f.read())
            m.load_weights(os.path.join(d, "model.weights.h5"))
            return m
        return load

    return [
        ("keras", lambda: keras.models.load_model(os.path.join(d, "model.keras"))),
        ("h5", lambda: keras.models.load_model(os.path.join(d, "model.h5"))),
        ("json+weights.h5", json_model("model.json")),
    ]


def main(root):
    for case in sorted(os.listdir(root)):
        d = os.path.join(root, case)
        with open(os.path.join(d, "io.json")) as f:
            io = json.load(f)
        arrays = {e["name"]: np.fromfile(os.path.join(d, e["name"] + ".bin"), dtype="<f4").reshape(e["shape"]) for e in io}
        xs = [arrays["x%d" % i] for i in range(sum(1 for e in io if e["name"].startswith("x")))]
        ys = [arrays["y%d" % i] for i in range(sum(1 for e in io if e["name"].startswith("y")))]
        for fmt, load in loaders(d):
            try:
                m = load()
                out = m.predict(xs if len(xs) > 1 else xs[0], verbose=0)
                if not isinstance(out, (list, tuple)):
                    out = [out]
                diff = max(float(np.max(np.abs(np.asarray(o) - y))) for o, y in zip(out, ys))
                print("%s\t%s\t%.3e" % (case, fmt, diff), flush=True)
            except Exception as e:  # reported to the Java test, which fails with it
                msg = (type(e).__name__ + ": " + str(e)).replace("\n", " ")[:400]
                print("%s\t%s\tERROR\t%s" % (case, fmt, msg), flush=True)
            keras.backend.clear_session()


if __name__ == "__main__":
    main(sys.argv[1])
