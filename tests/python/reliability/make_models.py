"""Small models made by real Keras (keras 3.15.1) for keras4j's reliability tests.

    python tests/python/reliability/make_models.py

Writes into tests/keras-fixtures/reliability/:
  identity_dropout.keras     Sequential(Input(3), Dropout(0.5)): the output is the input at inference
  identity_linear.keras      Functional Input(3) -> Activation('linear')
  small_dense.keras          (named functional) Input(4) -> Dense(3, relu) -> Dense(2, sigmoid), compiled with adam + mse
  small_dense_2.keras        another model named 'functional_2' (the name a third load in one JVM produces)
  io.json                    x and Keras's predictions of each model
"""
import json
import os
import warnings

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("KERAS_BACKEND", "tensorflow")
warnings.filterwarnings("ignore")

import numpy as np  # noqa: E402
import keras  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "keras-fixtures", "reliability")


def main():
    os.makedirs(OUT, exist_ok=True)
    keras.utils.set_random_seed(12)
    x3 = np.arange(6, dtype="float32").reshape(2, 3) / 5.0
    x4 = np.arange(8, dtype="float32").reshape(2, 4) / 7.0
    io = {"x3": x3.tolist(), "x4": x4.tolist()}

    m = keras.Sequential([keras.Input((3,)), keras.layers.Dropout(0.5)])
    m.save(os.path.join(OUT, "identity_dropout.keras"))
    io["identity_dropout"] = m.predict(x3, verbose=0).tolist()

    i = keras.Input((3,))
    m = keras.Model(i, keras.layers.Activation("linear")(i))
    m.save(os.path.join(OUT, "identity_linear.keras"))
    io["identity_linear"] = m.predict(x3, verbose=0).tolist()

    for name, fname in (("functional", "small_dense.keras"), ("functional_2", "small_dense_2.keras")):
        i = keras.Input((4,))
        h = keras.layers.Dense(3, activation="relu")(i)
        o = keras.layers.Dense(2, activation="sigmoid")(h)
        m = keras.Model(i, o, name=name)
        m.compile(optimizer="adam", loss="mse")
        m.save(os.path.join(OUT, fname))
        io[fname] = m.predict(x4, verbose=0).tolist()

    with open(os.path.join(OUT, "io.json"), "w") as f:
        json.dump(io, f, indent=1)
    print("wrote", sorted(os.listdir(OUT)))


if __name__ == "__main__":
    main()
