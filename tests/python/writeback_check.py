"""Real Keras reads back the files keras4j wrote (the write-back test, tests/java/keras4j/saving/KerasWriteBackTest).

    python tests/python/writeback_check.py MANIFEST.json
    python tests/python/writeback_check.py -     (entries one JSON object per line on standard input, read as they
                                                  come, so the Java side writes while Keras reads)

MANIFEST is a JSON list of entries {"case", "dir", "io", "reference", "files": {format: path}} where format is
"keras" (keras.models.load_model), "h5" (keras.models.load_model of a legacy HDF5 file) or "json+weights.h5"
(keras.models.model_from_json + load_weights). For each file this loads the model, predicts the inputs x0.. of the
case's io.h5 and compares with the outputs y0.. real Keras computed when it made the fixture. When the reference
model (the fixture Keras wrote, a .keras file) is compiled, the model read back from a full-model file must be
compiled too, with the same optimizer class and settings (get_config, learning rate included) and the same loss.

Prints one JSON object per line: {"case", "format", "ok", "max_diff", "compiled", "reference_compiled",
"optimizer", "reference_optimizer", "loss", "reference_loss", "error"}.
"""
import json
import os
import sys
import traceback
import warnings

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("KERAS_BACKEND", "tensorflow")
warnings.filterwarnings("ignore")


def optimizer_settings(model):
    opt = getattr(model, "optimizer", None)
    if opt is None or not getattr(model, "compiled", False):
        return None
    cfg = dict(opt.get_config())
    cfg.pop("name", None)
    out = {"class": type(opt).__name__}
    for k, v in sorted(cfg.items()):
        if isinstance(v, float):
            v = float("%.6g" % v)
        out[k] = v
    return out


def loss_name(model):
    if not getattr(model, "compiled", False):
        return None
    loss = getattr(model, "loss", None)
    if loss is None:
        return None
    if isinstance(loss, str):
        return loss
    return getattr(loss, "name", None) or getattr(loss, "__name__", None) or type(loss).__name__


LOSS_ALIASES = {"mse": "mean_squared_error", "mae": "mean_absolute_error", "bce": "binary_crossentropy"}


def norm_loss(name):
    if name is None:
        return None
    name = str(name)
    return LOSS_ALIASES.get(name, name)


def reference_compiled(path):
    """Whether the fixture Keras wrote was compiled (read from the file, without loading the model)."""
    if path.endswith(".keras"):
        import zipfile
        with zipfile.ZipFile(path) as z:
            return json.loads(z.read("config.json")).get("compile_config") is not None
    import h5py
    with h5py.File(path, "r") as f:
        return "training_config" in f.attrs


def load_and_compare(keras, np, fmt, path, xs, ys):
    """Loads one file (or JSON config + weights) in Keras and returns the model and its largest output difference."""
    if fmt == "json+weights.h5":
        cfg_path, w_path = path
        with open(cfg_path) as f:
            model = keras.models.model_from_json(f.read())
        model.load_weights(w_path)
    else:
        model = keras.models.load_model(path)
    # A direct call, not predict: the same inference computation without tracing a tf.function per
    # model (predict made this test 5x slower).
    out = model(xs if len(xs) > 1 else xs[0], training=False)
    if isinstance(out, dict):
        out = list(out.values())
    if not isinstance(out, (list, tuple)):
        out = [out]
    if len(out) != len(ys):
        raise ValueError("%d outputs, Keras made %d" % (len(out), len(ys)))
    diff = 0.0
    for o, y in zip(out, ys):
        o = np.asarray(o, dtype=np.float64)
        if o.shape != y.shape:
            raise ValueError("output shape %s, Keras made %s" % (o.shape, y.shape))
        diff = max(diff, float(np.max(np.abs(o - y))) if o.size else 0.0)
    return model, diff


def main():
    import h5py
    import keras
    import numpy as np

    if sys.argv[1] == "-":
        manifest = (json.loads(line) for line in sys.stdin if line.strip())
    else:
        with open(sys.argv[1]) as f:
            manifest = json.load(f)
    for entry in manifest:
        with h5py.File(entry["io"], "r") as f:
            xs = [f["x%d" % i][()] for i in range(len([k for k in f.keys() if k.startswith("x")]))]
            ys = [f["y%d" % i][()] for i in range(len([k for k in f.keys() if k.startswith("y")]))]
        ref_opt = ref_loss = None
        ref_compiled = False
        if entry.get("reference") and reference_compiled(entry["reference"]):
            try:
                ref = keras.models.load_model(entry["reference"])
                ref_compiled = bool(getattr(ref, "compiled", False))
                ref_opt, ref_loss = optimizer_settings(ref), norm_loss(loss_name(ref))
            except Exception as e:  # the reference itself: reported, not fatal
                ref_opt = {"error": "%s: %s" % (type(e).__name__, e)}
            keras.backend.clear_session()
        for fmt, path in sorted(entry["files"].items()):
            row = {"case": entry["case"], "format": fmt, "ok": False, "max_diff": None,
                   "reference_compiled": ref_compiled, "reference_optimizer": ref_opt, "reference_loss": ref_loss}
            try:
                model, diff = load_and_compare(keras, np, fmt, path, xs, ys)
                row["max_diff"] = diff
                row["compiled"] = bool(getattr(model, "compiled", False))
                row["optimizer"] = optimizer_settings(model)
                row["loss"] = norm_loss(loss_name(model))
                row["ok"] = True
            except Exception as e:
                row["error"] = "%s: %s" % (type(e).__name__, str(e)[:600])
                row["trace"] = traceback.format_exc()[-1500:]
            keras.backend.clear_session()
            if not row["ok"] or row["max_diff"] > 1e-5:
                # Does Keras read back its own file of this format? If not, the format is Keras's limit, not ours.
                d = os.path.dirname(entry["io"])
                own = {"keras": os.path.join(d, "model.keras"), "h5": os.path.join(d, "model.h5"),
                       "json+weights.h5": [os.path.join(d, "model.json"), os.path.join(d, "model.weights.h5")]}[fmt]
                try:
                    _, own_diff = load_and_compare(keras, np, fmt, own, xs, ys)
                    if own_diff > 1e-5:
                        row["keras_own_file"] = "Keras 3.15.1 reads its own %s file of this case with outputs %.3g off" % (
                            fmt, own_diff)
                except Exception as e:
                    row["keras_own_file"] = "Keras 3.15.1 cannot read its own %s file of this case either: %s: %s" % (
                        fmt, type(e).__name__, str(e)[:300])
                keras.backend.clear_session()
            print(json.dumps(row, sort_keys=True), flush=True)
            keras.backend.clear_session()


if __name__ == "__main__":
    main()
