"""Loads models keras4j saved and trains them in real Keras. Usage: load_and_train.py DATA_JSON MODEL_FILE...
DATA_JSON holds x, x_shape, y, y_shape, epochs, batch_size, lr. Prints one JSON object: per file, the class names of
each layer's regularizers and constraints, the loss history (SGD, mse, shuffle off) and the trained weights."""
import json
import os
import sys

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
import keras
import numpy as np

d = json.load(open(sys.argv[1]))
x = np.array(d["x"], dtype="float32").reshape(d["x_shape"])
y = np.array(d["y"], dtype="float32").reshape(d["y_shape"])
result = {}
for path in sys.argv[2:]:
    model = keras.models.load_model(path, compile=False)
    kinds = {}
    for layer in model.layers:
        cfg = layer.get_config()
        kinds[layer.name] = {k: (v["class_name"] if isinstance(v, dict) else v) for k, v in cfg.items()
                             if (k.endswith("_regularizer") or k.endswith("_constraint")) and v is not None}
    model.compile(keras.optimizers.SGD(d["lr"]), "mse")
    hist = model.fit(x, y, epochs=d["epochs"], batch_size=d["batch_size"], shuffle=False, verbose=0).history["loss"]
    result[os.path.basename(path)] = {"kinds": kinds, "history": hist,
                                      "weights": [w.ravel().tolist() for w in model.get_weights()]}
print(json.dumps(result))
