"""Port 109: the Keras blog's "Building Autoencoders in Keras" (F. Chollet, 2016), the sequence-to-sequence
autoencoder. The blog gives the model only (LSTM encoder, RepeatVector, LSTM decoder); the data and the training
are the Java port's: MNIST images read row by row (28 steps of 28 features), adam + MSE, batch 128, 10 epochs.
Keras 3 imports; otherwise the blog's code."""
import keras
from keras.layers import Input, LSTM, RepeatVector
from keras.models import Model
from keras.datasets import mnist
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
# --- harness (not in the original, _harness.py): --epochs N, --quick, --out DIR, MNIST_NPZ; plt.show()
# becomes plt.savefig, and the last losses are printed as JSON for the README comparison.
import os
from _harness import args, epochs, sub, report
# --- end harness

timesteps, input_dim, latent_dim = 28, 28, 64
(x_train, _), (x_test, _) = mnist.load_data()
x_train, x_test = sub(x_train, 2048), sub(x_test, 512)
x_train = x_train.astype('float32') / 255.
x_test = x_test.astype('float32') / 255.

inputs = Input(shape=(timesteps, input_dim))
encoded = LSTM(latent_dim)(inputs)

decoded = RepeatVector(timesteps)(encoded)
decoded = LSTM(input_dim, return_sequences=True)(decoded)

sequence_autoencoder = Model(inputs, decoded)
encoder = Model(inputs, encoded)

sequence_autoencoder.compile(optimizer='adam', loss='mse')
h = sequence_autoencoder.fit(x_train, x_train, epochs=epochs(10), batch_size=128, shuffle=True,
                             validation_data=(x_test, x_test))
report("seq2seq", h)
decoded_imgs = sequence_autoencoder.predict(x_test[:10])
n = 10
plt.figure(figsize=(20, 4))
for i in range(n):
    ax = plt.subplot(2, n, i + 1)
    plt.imshow(x_test[i])
    plt.gray()
    ax.get_xaxis().set_visible(False)
    ax.get_yaxis().set_visible(False)
    ax = plt.subplot(2, n, i + 1 + n)
    plt.imshow(decoded_imgs[i])
    plt.gray()
    ax.get_xaxis().set_visible(False)
    ax.get_yaxis().set_visible(False)
plt.savefig(os.path.join(args.out, "py109_seq2seq.png"))
