"""SequenceBench's peer: the Keras blog's LSTM sequence-to-sequence autoencoder in real Keras on TensorFlow (CPU),
trained on MNIST rows as sequences (28 steps of 28 features), Adam + mse, batch 128, shuffled.

Prints one JSON line: {"model": "keras-tf", "epoch_seconds": [...], "loss": [...]}.
Usage: python peer_keras_sequence.py --data ~/.keras/datasets/mnist.npz --epochs 3 --samples 60000 --latent 64
       [--cell lstm|gru]
"""
import argparse
import json
import os
import time
import warnings

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
warnings.filterwarnings("ignore")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--samples", type=int, default=60000)
    ap.add_argument("--latent", type=int, default=64)
    ap.add_argument("--batch", type=int, default=128)
    ap.add_argument("--cell", choices=["lstm", "gru"], default="lstm")
    a = ap.parse_args()
    import numpy as np
    import keras
    from keras import layers

    with np.load(a.data) as f:
        x = (f["x_train"][: a.samples].astype("float32") / 255.0).reshape(-1, 28, 28)
    inputs = keras.Input((28, 28))
    rnn = layers.GRU if a.cell == "gru" else layers.LSTM
    encoded = rnn(a.latent)(inputs)
    decoded = layers.RepeatVector(28)(encoded)
    decoded = rnn(28, return_sequences=True)(decoded)
    model = keras.Model(inputs, decoded)
    model.compile(optimizer="adam", loss="mse")

    class Timer(keras.callbacks.Callback):
        def __init__(self):
            super().__init__()
            self.times = []

        def on_epoch_begin(self, epoch, logs=None):
            self.t = time.perf_counter()

        def on_epoch_end(self, epoch, logs=None):
            self.times.append(time.perf_counter() - self.t)

    t = Timer()
    h = model.fit(x, x, epochs=a.epochs, batch_size=a.batch, shuffle=True, verbose=0, callbacks=[t])
    print(json.dumps({"model": "keras-tf", "epoch_seconds": t.times, "loss": h.history["loss"]}), flush=True)


if __name__ == "__main__":
    main()
