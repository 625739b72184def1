"""Training runs in real Keras 3.15.1 for the training-parity test (tests/java/keras4j/models/KerasTrainingParityTest).

    python tests/python/training_parity.py OUTDIR

Writes OUTDIR/data.h5 (x: 512 deterministic MNIST-like rows of 784 pixels in [0, 1]; labels: one-hot of 10
classes) and for each run OUTDIR/RUN/: model.json, init.weights.h5 (Keras's seeded initial weights, before
training), final.h5 (w0, w1, ... : model.weights after training, in order) and history.json (Keras's per-epoch
logs), and prints the run list as JSON on stdout. Every run: fit(epochs=2, batch_size=64, shuffle=False) from the
initial weights; the last runs add a validation split, with shuffle off and on.
"""
import json
import os
import sys
import warnings

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("KERAS_BACKEND", "tensorflow")
warnings.filterwarnings("ignore")

N, EPOCHS, BATCH = 512, 2, 64

OPTIMIZERS = {
    "adam": {"class_name": "Adam", "config": {"learning_rate": 0.002}},
    "adam_amsgrad": {"class_name": "Adam", "config": {"learning_rate": 0.002, "amsgrad": True}},
    "adamax": {"class_name": "Adamax", "config": {"learning_rate": 0.002}},
    "nadam": {"class_name": "Nadam", "config": {"learning_rate": 0.002}},
    "adagrad": {"class_name": "Adagrad", "config": {"learning_rate": 0.05}},
    "sgd": {"class_name": "SGD", "config": {"learning_rate": 0.1}},
    "sgd_momentum": {"class_name": "SGD", "config": {"learning_rate": 0.05, "momentum": 0.9}},
    "sgd_nesterov": {"class_name": "SGD", "config": {"learning_rate": 0.05, "momentum": 0.9, "nesterov": True}},
    "rmsprop": {"class_name": "RMSprop", "config": {"learning_rate": 0.001}},
    "rmsprop_centered": {"class_name": "RMSprop", "config": {"learning_rate": 0.001, "centered": True}},
    "rmsprop_momentum": {"class_name": "RMSprop", "config": {"learning_rate": 0.0005, "momentum": 0.5}},
    "adadelta": {"class_name": "Adadelta", "config": {"learning_rate": 1.0, "rho": 0.95}},
}


def build(kind):
    import keras
    from keras import layers as L
    if kind == "m1":  # the first notebook's autoencoder, 784-32-784
        return keras.Sequential([keras.Input((784,)), L.Dense(32, activation="relu"),
                                 L.Dense(784, activation="sigmoid")])
    if kind == "m2":  # the deep autoencoder
        x = keras.Input((784,))
        h = L.Dense(128, activation="relu")(x)
        h = L.Dense(64, activation="relu")(h)
        h = L.Dense(32, activation="relu")(h)
        h = L.Dense(64, activation="relu")(h)
        h = L.Dense(128, activation="relu")(h)
        return keras.Model(x, L.Dense(784, activation="sigmoid")(h))
    if kind == "conv":  # a small convolutional autoencoder
        x = keras.Input((28, 28, 1))
        h = L.Conv2D(8, 3, activation="relu", padding="same")(x)
        h = L.MaxPooling2D(2, padding="same")(h)
        h = L.Conv2D(4, 3, activation="relu", padding="same")(h)
        h = L.MaxPooling2D(2, padding="same")(h)
        h = L.Conv2D(4, 3, activation="relu", padding="same")(h)
        h = L.UpSampling2D(2)(h)
        h = L.Conv2D(8, 3, activation="relu", padding="same")(h)
        h = L.UpSampling2D(2)(h)
        return keras.Model(x, L.Conv2D(1, 3, activation="sigmoid", padding="same")(h))
    if kind == "clf":  # a classifier for categorical cross-entropy
        return keras.Sequential([keras.Input((784,)), L.Dense(32, activation="relu"),
                                 L.Dense(10, activation="softmax")])
    raise ValueError(kind)


def runs():
    out = []
    for opt in OPTIMIZERS:
        for loss in ["binary_crossentropy", "mse"]:
            out.append({"name": "m1_%s_%s" % (opt, "bce" if loss.startswith("binary") else "mse"), "model": "m1",
                        "optimizer": opt, "loss": loss})
    for opt in ["adam", "sgd_momentum", "rmsprop", "adadelta"]:
        out.append({"name": "m2_%s_bce" % opt, "model": "m2", "optimizer": opt, "loss": "binary_crossentropy"})
    out.append({"name": "m2_adam_mse", "model": "m2", "optimizer": "adam", "loss": "mse"})
    for opt in ["adam", "adadelta"]:
        out.append({"name": "conv_%s_bce" % opt, "model": "conv", "optimizer": opt, "loss": "binary_crossentropy"})
    for opt in ["adam", "sgd_nesterov", "rmsprop"]:
        out.append({"name": "clf_%s_cce" % opt, "model": "clf", "optimizer": opt, "loss": "categorical_crossentropy"})
    out.append({"name": "m1_adam_bce_valsplit", "model": "m1", "optimizer": "adam", "loss": "binary_crossentropy",
                "validation_split": 0.25})
    out.append({"name": "m1_adam_bce_valsplit_shuffle", "model": "m1", "optimizer": "adam",
                "loss": "binary_crossentropy", "validation_split": 0.25, "shuffle": True})
    return out


def data():
    """MNIST-like rows: blurred blobs of ink on a dark background, a label from the blob position."""
    import numpy as np
    rng = np.random.default_rng(20260101)
    yy, xx = np.mgrid[0:28, 0:28]
    x = np.zeros((N, 28, 28), dtype=np.float32)
    labels = rng.integers(0, 10, N)
    for i in range(N):
        cy, cx = 6 + 16 * (labels[i] // 5) / 1.0 + rng.normal(0, 1), 4 + 5 * (labels[i] % 5) + rng.normal(0, 1)
        r = rng.uniform(2.5, 4.5)
        x[i] = np.exp(-((yy - cy) ** 2 + (xx - cx) ** 2) / (2 * r * r))
    x = np.clip(x + rng.uniform(0, 0.05, x.shape), 0, 1).astype(np.float32)
    onehot = np.eye(10, dtype=np.float32)[labels]
    return x.reshape(N, 784), onehot


def main():
    import h5py
    import keras
    import numpy as np

    outdir = sys.argv[1]
    os.makedirs(outdir, exist_ok=True)
    x, onehot = data()
    with h5py.File(os.path.join(outdir, "data.h5"), "w") as f:
        f.create_dataset("x", data=x)
        f.create_dataset("labels", data=onehot)
    done = []
    for run in runs():
        keras.backend.clear_session()
        keras.utils.set_random_seed(sum(map(ord, run["name"])))
        model = build(run["model"])
        d = os.path.join(outdir, run["name"])
        os.makedirs(d, exist_ok=True)
        model.save_weights(os.path.join(d, "init.weights.h5"))
        with open(os.path.join(d, "model.json"), "w") as f:
            f.write(model.to_json())
        spec = OPTIMIZERS[run["optimizer"]]
        model.compile(optimizer=keras.optimizers.deserialize(json.loads(json.dumps(spec))), loss=run["loss"])
        inputs = x.reshape(N, 28, 28, 1) if run["model"] == "conv" else x
        targets = onehot if run["model"] == "clf" else inputs
        hist = model.fit(inputs, targets, epochs=EPOCHS, batch_size=BATCH, verbose=0,
                         shuffle=run.get("shuffle", False), validation_split=run.get("validation_split", 0.0))
        with h5py.File(os.path.join(d, "final.h5"), "w") as f:
            for i, w in enumerate(model.weights):
                f.create_dataset("w%d" % i, data=np.asarray(w.numpy(), dtype=np.float32))
        with open(os.path.join(d, "history.json"), "w") as f:
            json.dump({k: [float(v) for v in vs] for k, vs in hist.history.items()}, f)
        run = dict(run, optimizer_spec=spec, dir=d, epochs=EPOCHS, batch_size=BATCH)
        done.append(run)
    print(json.dumps({"keras_version": keras.__version__, "runs": done}))


if __name__ == "__main__":
    main()
