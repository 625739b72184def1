/**
 * Not part of the library (it ships in the {@code tools} jar): {@code keras4j bench}, which times training,
 * prediction, file loading and nearest neighbours against bare TensorFlow Java and PyTorch in one run.
 */
package keras4j.bench;
