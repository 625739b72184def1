package keras4j.backend;

/**
 * Which Keras generation's defaults to follow where they differ. Keras 3 is the default; the notebooks of the
 * standalone Keras 2.x era can ask for {@link #KERAS_2}.
 *
 * <table>
 *   <caption>What changes</caption>
 *   <tr><th></th><th>KERAS_3</th><th>TF_KERAS_2</th><th>KERAS_2</th></tr>
 *   <tr><td>first names</td><td>dense, input_layer, functional</td><td>dense, input_1, model</td>
 *       <td>dense_1, input_1, model_1</td></tr>
 *   <tr><td>Adadelta learning rate</td><td>0.001</td><td>0.001</td><td>1.0</td></tr>
 *   <tr><td>hard_sigmoid</td><td>relu6(x + 3) / 6</td><td>clip(0.2x + 0.5, 0, 1)</td>
 *       <td>clip(0.2x + 0.5, 0, 1)</td></tr>
 * </table>
 */
public enum Compatibility {
  /** Keras 3 (the default). */
  KERAS_3(0, 0.001f, false),
  /** tf.keras 2.x ({@code tf.keras} of TensorFlow 2.0 to 2.15). */
  TF_KERAS_2(0, 0.001f, true),
  /** Standalone Keras 2.x ({@code import keras} before Keras 3). */
  KERAS_2(1, 1.0f, true);

  private final int nameOffset;
  private final float adadeltaLearningRate;
  private final boolean keras2HardSigmoid;

  Compatibility(int nameOffset, float adadeltaLearningRate, boolean keras2HardSigmoid) {
    this.nameOffset = nameOffset;
    this.adadeltaLearningRate = adadeltaLearningRate;
    this.keras2HardSigmoid = keras2HardSigmoid;
  }

  int nameOffset() {
    return nameOffset;
  }

  /** {@code Adadelta}'s default learning rate in this generation. */
  public float adadeltaLearningRate() {
    return adadeltaLearningRate;
  }

  /** Whether {@code hard_sigmoid} is Keras 2's {@code clip(0.2 x + 0.5, 0, 1)}. */
  public boolean keras2HardSigmoid() {
    return keras2HardSigmoid;
  }

  /** Keras 3 names the input layer "input_layer"; Keras 2 "input_1". */
  public boolean numberedInputNames() {
    return this != KERAS_3;
  }

  /** The prefix of an unnamed functional model. */
  public String functionalModelPrefix() {
    return this == KERAS_3 ? "functional" : "model";
  }

  /** The generation a file's {@code keras_version} attribute belongs to ("2.2.4-tf", "2.13.1", "3.3.3"). */
  public static Compatibility ofVersion(String kerasVersion) {
    if (kerasVersion == null || kerasVersion.isBlank()) {
      return KERAS_3;
    }
    String v = kerasVersion.trim();
    if (v.startsWith("3")) {
      return KERAS_3;
    }
    if (v.contains("tf") || v.matches("2\\.(?:[4-9]|1\\d).*")) {
      return TF_KERAS_2;
    }
    return KERAS_2;
  }
}
