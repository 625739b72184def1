"""The harness of the example ports' Python originals (not in the originals): --epochs N, --quick (first 2048
train / 512 test images), --out DIR; the last losses printed as JSON for the README comparison; MNIST_NPZ=file for
an MNIST file whose hash differs from Keras's download (offline, Keras deletes such a cached file and fails)."""
import argparse, json, os
_p = argparse.ArgumentParser()
_p.add_argument("--epochs", type=int)
_p.add_argument("--quick", action="store_true")
_p.add_argument("--out", default="out_examples")
args = _p.parse_args()
os.makedirs(args.out, exist_ok=True)
def epochs(n): return args.epochs or (1 if args.quick else n)
def sub(a, n): return a[:n] if args.quick else a
def report(name, h): print(json.dumps({name: {k: v[-1] for k, v in h.history.items()}}))
if os.environ.get("MNIST_NPZ"):  # an MNIST file whose hash differs from Keras's download (offline machines)
    import keras.datasets.mnist, numpy
    def _load(path=None, _d=numpy.load(os.environ["MNIST_NPZ"])):
        return (_d["x_train"], _d["y_train"]), (_d["x_test"], _d["y_test"])
    keras.datasets.mnist.load_data = _load
