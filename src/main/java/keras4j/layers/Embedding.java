package keras4j.layers;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import keras4j.backend.KerasVariable;
import keras4j.initializers.Initializer;
import keras4j.initializers.Initializers;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Keras's {@code Embedding(input_dim, output_dim, embeddings_initializer="uniform", mask_zero=False)}: looks up row
 * {@code x} of the {@code embeddings} matrix. keras4j's inputs are float32, so the integer ids arrive as floats and
 * are cast to int32 here. With {@code mask_zero} the id 0 is padding: the layer emits the mask {@code x != 0}.
 */
public class Embedding extends BaseLayer<Embedding> {
  private final int inputDim;
  private final int outputDim;
  private Initializer embeddingsInitializer = Initializers.get("uniform");
  private boolean maskZero;
  private KerasVariable embeddings;

  /** {@code Embedding(input_dim, output_dim)}. */
  public Embedding(int inputDim, int outputDim) {
    if (inputDim <= 0 || outputDim <= 0) {
      throw new IllegalArgumentException("Both `input_dim` and `output_dim` should be positive, Received input_dim = "
          + inputDim + " and output_dim = " + outputDim);
    }
    this.inputDim = inputDim;
    this.outputDim = outputDim;
  }

  /** Keras's {@code mask_zero=}. */
  public Embedding maskZero(boolean b) {
    checkNotBuilt();
    this.maskZero = b;
    return this;
  }

  /** Keras's {@code embeddings_initializer=} ("uniform": -0.05..0.05). */
  public Embedding embeddingsInitializer(String name) {
    return embeddingsInitializer(Initializers.get(name));
  }

  public Embedding embeddingsInitializer(Initializer init) {
    checkNotBuilt();
    this.embeddingsInitializer = init;
    return this;
  }

  /** Keras's {@code embeddings_regularizer=}. */
  public Embedding embeddingsRegularizer(keras4j.regularizers.Regularizer r) {
    setWeightRegularizer("embeddings", r);
    return this;
  }

  /** Keras's {@code embeddings_constraint=}. */
  public Embedding embeddingsConstraint(keras4j.constraints.Constraint c) {
    setWeightConstraint("embeddings", c);
    return this;
  }

  @Override
  protected void build(long[] inputShape) {
    embeddings = addWeight("embeddings", new long[] {inputDim, outputDim}, embeddingsInitializer, true);
  }

  @Override
  public long[] computeOutputShape(long[] inputShape) {
    long[] out = new long[inputShape.length + 1];
    System.arraycopy(inputShape, 0, out, 0, inputShape.length);
    out[inputShape.length] = outputDim;
    return out;
  }

  @Override
  protected Operand<TFloat32> call(Ops tf, Operand<TFloat32> x, boolean training) {
    Operand<TInt32> ids = tf.dtypes.cast(tf.math.round(x), TInt32.class);
    return tf.gather(embeddings.value(), ids, tf.constant(0));
  }

  @Override
  public boolean producesMask() {
    return maskZero;
  }

  @Override
  public List<Operand<TBool>> computeMask(Ops tf, List<Operand<TFloat32>> inputs, List<Operand<TBool>> masks,
      int outputs) {
    if (!maskZero) {
      return Collections.nCopies(outputs, null);
    }
    return List.of(tf.math.notEqual(inputs.get(0), tf.constant(0f)));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("input_dim", inputDim);
    c.put("output_dim", outputDim);
    c.put("embeddings_initializer", Initializers.serialize(embeddingsInitializer));
    putRegularizerConfig(c, "embeddings");
    c.put("mask_zero", maskZero);
    return c;
  }

  /** Keras's {@code Embedding.from_config}. */
  public static Embedding fromConfig(LayerConfig c) {
    c.requireNull("quantization_config", "lora_rank");
    Embedding e = new Embedding(c.getInt("input_dim"), c.getInt("output_dim"))
        .embeddingsInitializer(c.getInitializer("embeddings_initializer", "uniform"))
        .maskZero(c.getBool("mask_zero", false));
    e.readRegularizerConfig(c, "embeddings");
    return e;
  }
}
