"""The benchmark's Keras peers: keras4j's four seed models in real Keras 3 (keras 3.15.1) on the TensorFlow or the
JAX backend, trained the way keras4j's bench trains them (MNIST, adam, binary_crossentropy, the bench's batch
sizes, epochs timed by a callback inside one fit), plus inference latency and throughput of predict and model(x).

Run once per backend (the backend is fixed when keras is imported):
  KERAS_BACKEND=jax python peer_keras.py --backend jax --data ~/.keras/datasets/mnist.npz --models M1 --epochs 4
Prints one JSON line per result:
  {"kind": "train", "model": "M1", "epoch_seconds": [...], "loss": [...]}
  {"kind": "latency", "model": "M2", "mode": "predict", "batch": 1, "calls": 1000, "p50_ms": ..., "p99_ms": ...}
  {"kind": "throughput", "model": "M2", "mode": "model(x)", "batch": 32, "images_per_s": ...}
"""
import argparse
import json
import os
import sys
import time

BATCH = {"M1": 256, "M2": 256, "M3": 256, "M4": 128}


def build(name, keras):
    L = keras.layers
    if name == "M1":
        inp = keras.Input((784,))
        return keras.Model(inp, L.Dense(784, activation="sigmoid")(L.Dense(32, activation="relu")(inp))), False
    if name == "M2":
        inp = keras.Input((784,))
        x = inp
        for units in (128, 64, 32, 64, 128):
            x = L.Dense(units, activation="relu")(x)
        return keras.Model(inp, L.Dense(784, activation="sigmoid")(x)), False
    if name == "M3":
        inp = keras.Input((28, 28, 1))
        x = L.Conv2D(16, 3, activation="relu", padding="same")(inp)
        x = L.MaxPooling2D(2, padding="same")(x)
        x = L.Conv2D(8, 3, activation="relu", padding="same")(x)
        x = L.MaxPooling2D(2, padding="same")(x)
        x = L.Conv2D(8, 3, activation="relu", padding="same")(x)
        x = L.MaxPooling2D(2, padding="same")(x)
        x = L.Conv2D(8, 3, activation="relu", padding="same")(x)
        x = L.UpSampling2D(2)(x)
        x = L.Conv2D(8, 3, activation="relu", padding="same")(x)
        x = L.UpSampling2D(2)(x)
        x = L.Conv2D(16, 3, activation="relu")(x)
        x = L.UpSampling2D(2)(x)
        return keras.Model(inp, L.Conv2D(1, 3, activation="sigmoid", padding="same")(x)), True
    if name == "M4":
        model = keras.Sequential([
            keras.Input((28, 28, 1)),
            L.Conv2D(30, 3, activation="relu", padding="same"),
            L.MaxPooling2D(2, padding="same"),
            L.Conv2D(15, 3, activation="relu", padding="same"),
            L.MaxPooling2D(2, padding="same"),
            L.Conv2D(15, 3, activation="relu", padding="same"),
            L.UpSampling2D(2),
            L.Conv2D(30, 3, activation="relu", padding="same"),
            L.UpSampling2D(2),
            L.Conv2D(1, 3, activation="sigmoid", padding="same")])
        return model, True
    raise SystemExit("unknown model " + name)


def emit(row):
    print(json.dumps(row), flush=True)


def train(name, keras, x, epochs):
    model, conv = build(name, keras)
    data = x.reshape(len(x), 28, 28, 1) if conv else x.reshape(len(x), 784)
    model.compile(optimizer="adam", loss="binary_crossentropy")
    times = []

    class Timer(keras.callbacks.Callback):
        def on_epoch_begin(self, epoch, logs=None):
            self.t0 = time.perf_counter()

        def on_epoch_end(self, epoch, logs=None):
            times.append(time.perf_counter() - self.t0)

    h = model.fit(data, data, epochs=epochs, batch_size=BATCH[name], verbose=0, callbacks=[Timer()])
    emit({"kind": "train", "model": name, "epoch_seconds": times, "loss": [float(v) for v in h.history["loss"]]})


def percentile(sorted_values, q):
    i = min(len(sorted_values) - 1, max(0, int(round(q * (len(sorted_values) - 1)))))
    return sorted_values[i]


def inference(name, keras, np, test, latency_calls, predict_calls, latency_batches, throughput_batches):
    model, conv = build(name, keras)
    data = test.reshape(len(test), 28, 28, 1) if conv else test.reshape(len(test), 784)

    def call(xb):
        return np.asarray(model(xb, training=False))

    modes = {
        "predict": lambda xb, b: model.predict(xb, batch_size=b, verbose=0),
        "model(x)": lambda xb, b: call(xb) if len(xb) <= b else np.concatenate(
            [call(xb[i:i + b]) for i in range(0, len(xb), b)]),
    }
    for mode, fn in modes.items():
        for b in latency_batches:
            calls = latency_calls if mode == "model(x)" else min(latency_calls, predict_calls)
            xb = data[:b]
            for _ in range(20):
                fn(xb, b)
            ts = []
            for i in range(calls):
                t0 = time.perf_counter()
                fn(xb, b)
                ts.append(time.perf_counter() - t0)
            ts.sort()
            emit({"kind": "latency", "model": name, "mode": mode, "batch": b, "calls": calls,
                  "p50_ms": 1e3 * percentile(ts, 0.5), "p99_ms": 1e3 * percentile(ts, 0.99)})
        for b in throughput_batches:
            fn(data, b)
            rates = []
            for _ in range(3):
                t0 = time.perf_counter()
                fn(data, b)
                rates.append(len(data) / (time.perf_counter() - t0))
            rates.sort()
            emit({"kind": "throughput", "model": name, "mode": mode, "batch": b, "images_per_s": rates[1]})


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--backend", choices=["tensorflow", "jax"], required=True)
    p.add_argument("--data", required=True, help="mnist.npz (Keras's cache file)")
    p.add_argument("--models", default="M1,M2,M3,M4", help="models to train")
    p.add_argument("--epochs", type=int, default=4)
    p.add_argument("--samples", type=int, default=60000)
    p.add_argument("--inference", default="", help="models whose predict latency and throughput to measure")
    p.add_argument("--latency-calls", type=int, default=10000)
    p.add_argument("--predict-calls", type=int, default=1000, help="cap on latency calls through predict()")
    p.add_argument("--latency-batches", default="1,8")
    p.add_argument("--throughput-batches", default="32,1024")
    args = p.parse_args()
    if os.environ.get("KERAS_BACKEND") != args.backend:
        sys.exit("set KERAS_BACKEND=%s before starting peer_keras.py" % args.backend)
    try:
        import numpy as np
        import keras
    except ImportError as e:
        sys.exit("peer_keras.py needs keras 3.15.1 with tensorflow-cpu 2.21.0 or jax 0.10.2: %s" % e)
    keras.utils.set_random_seed(1)
    with np.load(args.data) as f:
        x = f["x_train"][: args.samples].astype("float32") / 255.0
        test = f["x_test"].astype("float32") / 255.0
    emit({"kind": "versions", "keras": keras.__version__, "backend": keras.backend.backend()})
    for name in [m for m in args.models.split(",") if m]:
        train(name, keras, x, args.epochs)
    for name in [m for m in args.inference.split(",") if m]:
        inference(name, keras, np, test, args.latency_calls, args.predict_calls,
                  [int(b) for b in args.latency_batches.split(",")],
                  [int(b) for b in args.throughput_batches.split(",")])


if __name__ == "__main__":
    main()
