"""Port 101: the Keras blog's "Building Autoencoders in Keras" (F. Chollet, 2016), the sparse autoencoder (an L1 activity
regularizer on the code).
Keras 3 imports (`import keras`, `from keras import layers`); otherwise the blog's code, in its order."""
import keras
from keras import layers, regularizers
from keras.datasets import mnist
import numpy as np
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
# --- harness (not in the original, _harness.py): --epochs N, --quick, --out DIR, MNIST_NPZ; plt.show()
# becomes plt.savefig, and the last losses are printed as JSON for the README comparison.
import os
from _harness import args, epochs, sub, report
# --- end harness

encoding_dim = 32
input_img = keras.Input(shape=(784,))
encoded = layers.Dense(encoding_dim, activation='relu',
                       activity_regularizer=regularizers.l1(10e-5))(input_img)
decoded = layers.Dense(784, activation='sigmoid')(encoded)
autoencoder = keras.Model(input_img, decoded)
encoder = keras.Model(input_img, encoded)
encoded_input = keras.Input(shape=(encoding_dim,))
decoder_layer = autoencoder.layers[-1]
decoder = keras.Model(encoded_input, decoder_layer(encoded_input))
autoencoder.compile(optimizer='adam', loss='binary_crossentropy')

(x_train, _), (x_test, _) = mnist.load_data()
x_train, x_test = sub(x_train, 2048), sub(x_test, 512)
x_train = x_train.astype('float32') / 255.
x_test = x_test.astype('float32') / 255.
x_train = x_train.reshape((len(x_train), np.prod(x_train.shape[1:])))
x_test = x_test.reshape((len(x_test), np.prod(x_test.shape[1:])))
print(x_train.shape)
print(x_test.shape)
h = autoencoder.fit(x_train, x_train, epochs=epochs(100), batch_size=256, shuffle=True,
                    validation_data=(x_test, x_test))
report("sparse", h)

encoded_imgs = encoder.predict(x_test)
decoded_imgs = decoder.predict(encoded_imgs)
n = 10
plt.figure(figsize=(20, 4))
for i in range(n):
    ax = plt.subplot(2, n, i + 1)
    plt.imshow(x_test[i].reshape(28, 28))
    plt.gray()
    ax.get_xaxis().set_visible(False)
    ax.get_yaxis().set_visible(False)
    ax = plt.subplot(2, n, i + 1 + n)
    plt.imshow(decoded_imgs[i].reshape(28, 28))
    plt.gray()
    ax.get_xaxis().set_visible(False)
    ax.get_yaxis().set_visible(False)
plt.savefig(os.path.join(args.out, "py101_sparse.png"))
print(encoded_imgs.mean())
