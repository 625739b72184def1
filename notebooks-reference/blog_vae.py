"""Port 102: the Keras blog's "Building Autoencoders in Keras" (F. Chollet, 2016; the 2018 update), variational
autoencoder. Changes Keras 3 requires: `import keras`, `keras.ops` / `keras.random` for the backend calls, and
the loss: Keras 3's functional models take no `add_loss` of symbolic tensors, so the same loss
(784 * binary crossentropy + KL) is added by a small layer calling `self.add_loss`."""
import keras
from keras import layers, ops
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

original_dim = 28 * 28
intermediate_dim = 256
latent_dim = 2

inputs = keras.Input(shape=(original_dim,))
h = layers.Dense(intermediate_dim, activation='relu')(inputs)
z_mean = layers.Dense(latent_dim)(h)
z_log_sigma = layers.Dense(latent_dim)(h)

def sampling(args):
    z_mean, z_log_sigma = args
    epsilon = keras.random.normal(shape=(ops.shape(z_mean)[0], latent_dim), mean=0., stddev=0.1)
    return z_mean + ops.exp(z_log_sigma) * epsilon

z = layers.Lambda(sampling)([z_mean, z_log_sigma])
encoder = keras.Model(inputs, [z_mean, z_log_sigma, z], name='encoder')

latent_inputs = keras.Input(shape=(latent_dim,), name='z_sampling')
x = layers.Dense(intermediate_dim, activation='relu')(latent_inputs)
outputs = layers.Dense(original_dim, activation='sigmoid')(x)
decoder = keras.Model(latent_inputs, outputs, name='decoder')

outputs = decoder(encoder(inputs)[2])

class VaeLoss(layers.Layer):
    def call(self, inputs, outputs, z_mean, z_log_sigma):
        reconstruction_loss = keras.losses.binary_crossentropy(inputs, outputs)
        reconstruction_loss *= original_dim
        kl_loss = 1 + z_log_sigma - ops.square(z_mean) - ops.exp(z_log_sigma)
        kl_loss = ops.sum(kl_loss, axis=-1)
        kl_loss *= -0.5
        self.add_loss(ops.mean(reconstruction_loss + kl_loss))
        return outputs

z_mean, z_log_sigma, _ = encoder(inputs)
vae = keras.Model(inputs, VaeLoss()(inputs, outputs, z_mean, z_log_sigma), name='vae_mlp')
vae.compile(optimizer='adam')

(x_train, y_train), (x_test, y_test) = mnist.load_data()
x_train, x_test, y_test = sub(x_train, 2048), sub(x_test, 512), sub(y_test, 512)
x_train = x_train.astype('float32') / 255.
x_test = x_test.astype('float32') / 255.
x_train = x_train.reshape((len(x_train), np.prod(x_train.shape[1:])))
x_test = x_test.reshape((len(x_test), np.prod(x_test.shape[1:])))
h = vae.fit(x_train, x_train, epochs=epochs(100), batch_size=32, validation_data=(x_test, x_test))
report("vae", h)

x_test_encoded = encoder.predict(x_test, batch_size=32)[0]
plt.figure(figsize=(6, 6))
plt.scatter(x_test_encoded[:, 0], x_test_encoded[:, 1], c=y_test)
plt.colorbar()
plt.savefig(os.path.join(args.out, "py102_latent.png"))

# Display a 2D manifold of the digits
n = 15  # figure with 15x15 digits
digit_size = 28
figure = np.zeros((digit_size * n, digit_size * n))
# We will sample n points within [-15, 15] standard deviations
grid_x = np.linspace(-15, 15, n)
grid_y = np.linspace(-15, 15, n)
for i, yi in enumerate(grid_x):
    for j, xi in enumerate(grid_y):
        z_sample = np.array([[xi, yi]])
        x_decoded = decoder.predict(z_sample, verbose=0)
        digit = x_decoded[0].reshape(digit_size, digit_size)
        figure[i * digit_size: (i + 1) * digit_size,
               j * digit_size: (j + 1) * digit_size] = digit
plt.figure(figsize=(10, 10))
plt.imshow(figure)
plt.savefig(os.path.join(args.out, "py102_manifold.png"))
