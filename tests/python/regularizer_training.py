"""Training parity for regularizers and constraints: real Keras builds each case, saves it untrained
(<out>/<case>.keras and .h5), trains it a few SGD/Adam steps, and prints one JSON object with, per case, the
data, the loss history, the evaluated loss and the trained weights. Usage: regularizer_training.py OUT_DIR [SET]
with SET "dense" (default: Dense and the convolutions) or "layers" (the other layers with weight options)."""
import json
import os
import sys

import numpy as np

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
import keras
from keras import constraints, layers, regularizers

out = sys.argv[1]
keras.utils.set_random_seed(7)


def dense_case():
    x = keras.Input((5,))
    h = layers.Dense(8, activation="relu", kernel_regularizer=regularizers.L1L2(0.01, 0.02),
                     bias_regularizer=regularizers.L2(0.05), activity_regularizer=regularizers.L1(0.01),
                     bias_initializer="random_normal", name="d1")(x)
    h = layers.Dense(6, activation="tanh", kernel_regularizer=regularizers.OrthogonalRegularizer(0.1, "columns"),
                     kernel_constraint=constraints.UnitNorm(axis=0), name="d2")(h)
    y = layers.Dense(3, kernel_constraint=constraints.MaxNorm(0.5), bias_constraint=constraints.NonNeg(),
                     kernel_regularizer=regularizers.OrthogonalRegularizer(0.2, "rows"),
                     bias_initializer="random_normal", name="d3")(h)
    return keras.Model(x, y), (10, 5), (10, 3), keras.optimizers.SGD(0.1)


def conv_case():
    x = keras.Input((6, 6, 2))
    h = layers.Conv2D(3, 3, activation="relu", kernel_regularizer=regularizers.L2(0.01),
                      activity_regularizer=regularizers.L2(0.001),
                      kernel_constraint=constraints.MinMaxNorm(0.2, 0.8, 0.5, axis=[0, 1, 2]), name="c1")(x)
    h = layers.Conv2DTranspose(2, 3, strides=2, padding="same", bias_regularizer=regularizers.L1(0.02),
                               bias_initializer="ones", kernel_constraint=constraints.NonNeg(), name="ct")(h)
    h = layers.Flatten()(h)
    y = layers.Dense(2, activity_regularizer=regularizers.L1L2(0.001, 0.002), name="out")(h)
    return keras.Model(x, y), (10, 6, 6, 2), (10, 2), keras.optimizers.Adam(0.01)


def separable_case():
    x = keras.Input((5, 5, 2))
    h = layers.DepthwiseConv2D(3, padding="same", depth_multiplier=2, depthwise_regularizer=regularizers.L2(0.02),
                               depthwise_constraint=constraints.MaxNorm(0.6, axis=[0, 1, 2]),
                               bias_regularizer=regularizers.L1(0.02), bias_initializer="random_normal",
                               activation="relu", name="dw")(x)
    h = layers.SeparableConv2D(3, 3, depthwise_regularizer=regularizers.L1(0.02),
                               pointwise_regularizer=regularizers.L2(0.03),
                               pointwise_constraint=constraints.UnitNorm(axis=[0, 1, 2]),
                               depthwise_constraint=constraints.NonNeg(), activity_regularizer=regularizers.L1(0.001),
                               name="sep")(h)
    h = layers.Flatten()(h)
    y = layers.Dense(2, name="out")(h)
    return keras.Model(x, y), (10, 5, 5, 2), (10, 2), keras.optimizers.Adam(0.01)


def norm_case():
    x = keras.Input((5,))
    h = layers.Dense(6, name="d")(x)
    h = layers.LayerNormalization(beta_regularizer=regularizers.L2(0.05), gamma_regularizer=regularizers.L1(0.02),
                                  gamma_constraint=constraints.NonNeg(), name="ln")(h)
    h = layers.PReLU(alpha_initializer=keras.initializers.Constant(0.25), alpha_regularizer=regularizers.L2(0.1),
                     alpha_constraint=constraints.NonNeg(), activity_regularizer=regularizers.L2(0.01), name="pr")(h)
    h = layers.BatchNormalization(beta_regularizer=regularizers.L1(0.05),
                                  gamma_constraint=constraints.MaxNorm(1.0, axis=0), name="bn")(h)
    h = layers.GroupNormalization(groups=2, gamma_regularizer=regularizers.L2(0.05),
                                  beta_constraint=constraints.MinMaxNorm(0.0, 0.05, axis=0), name="gn")(h)
    y = layers.Dense(3, name="out")(h)
    return keras.Model(x, y), (10, 5), (10, 3), keras.optimizers.SGD(0.1)


def seq_case():
    x = keras.Input((5,))
    h = layers.Embedding(7, 4, embeddings_regularizer=regularizers.L2(0.01),
                         embeddings_constraint=constraints.UnitNorm(axis=1), activity_regularizer=regularizers.L1(0.001),
                         name="emb")(x)
    h = layers.LSTM(3, return_sequences=True, kernel_regularizer=regularizers.L1(0.01),
                    recurrent_regularizer=regularizers.L2(0.02), bias_regularizer=regularizers.L1L2(0.01, 0.01),
                    activity_regularizer=regularizers.L2(0.001), kernel_constraint=constraints.MaxNorm(0.8, axis=0),
                    recurrent_constraint=constraints.UnitNorm(axis=0), bias_constraint=constraints.NonNeg(),
                    name="lstm")(h)
    h = layers.Bidirectional(layers.GRU(2, kernel_regularizer=regularizers.L2(0.02),
                                        recurrent_constraint=constraints.MaxNorm(0.5, axis=0)), name="bi")(h)
    y = layers.Dense(2, name="out")(h)
    return keras.Model(x, y), (10, 5), (10, 2), keras.optimizers.Adam(0.01)


SETS = {"dense": [("dense", dense_case), ("conv", conv_case)],
        "layers": [("separable", separable_case), ("norm", norm_case), ("seq", seq_case)]}
result = {}
for name, make in SETS[sys.argv[2] if len(sys.argv) > 2 else "dense"]:
    model, xs, ys, opt = make()
    rng = np.random.default_rng(3)
    x = rng.normal(size=xs).astype("float32")
    if name == "seq":
        x = rng.integers(0, 7, size=xs).astype("float32")
    y = rng.normal(size=ys).astype("float32")
    model.compile(opt, "mse")
    model.save(os.path.join(out, name + ".keras"))
    model.save(os.path.join(out, name + ".h5"))
    initial_eval = float(model.evaluate(x, y, batch_size=4, verbose=0))
    hist = model.fit(x, y, epochs=3, batch_size=4, shuffle=False, verbose=0).history["loss"]
    final_eval = float(model.evaluate(x, y, batch_size=4, verbose=0))
    result[name] = {
        "x": x.ravel().tolist(), "x_shape": list(xs), "y": y.ravel().tolist(), "y_shape": list(ys),
        "initial_eval": initial_eval, "history": [float(v) for v in hist], "final_eval": final_eval,
        "weights": [w.ravel().tolist() for w in model.get_weights()],
    }
print(json.dumps(result))
