package keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import keras4j.backend.Backend;
import keras4j.models.Model;
import keras4j.models.Sequential;
import keras4j.testing.LayerHarness;
import keras4j.utils.Np;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * The 1-D family on sequences of unknown length (Keras's {@code Input((None, channels))}) gives the outputs of the
 * same layers on fixed-length inputs, and argument and shape errors carry Keras's messages.
 */
class SequenceShapesTest {
  @AfterEach
  void clear() {
    Backend.clearSession();
  }

  private static Sequential stack(long steps) {
    return new Sequential()
        .add(new Conv1D(3, 3).padding("causal").inputShape(steps, 2))
        .add(new Conv1D(3, 2).padding("same").groups(3))
        .add(new MaxPooling1D(2).strides(1).padding("same"))
        .add(new UpSampling1D(2))
        .add(new Cropping1D(1, 2))
        .add(new ZeroPadding1D(1))
        .add(new SpatialDropout1D(0.3))
        .add(new LayerNormalization())
        .add(new Permute(2, 1))
        .add(new GlobalAveragePooling1D());
  }

  @Test
  void unknownLengthGivesTheFixedLengthOutputs() {
    Model variable = stack(-1);
    Model fixed = stack(7);
    fixed.setWeights(variable.getWeights());
    FloatNdArray x = LayerHarness.random(4, 3, 7, 2);
    float[] a = Np.toFloatArray(variable.predict(x));
    float[] b = Np.toFloatArray(fixed.predict(x));
    assertArrayEquals(b, a, 1e-6f);
    assertEquals(3 * 13, a.length, "(batch, steps) after the permute: 2 * 7 - 3 + 2 = 13 steps");
    FloatNdArray longer = LayerHarness.random(5, 2, 10, 2);
    assertEquals(2 * 19, variable.predict(longer).size(), "a longer sequence through the same model");
  }

  @Test
  void errorsCarryKerasMessages() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Conv1D(4, 3).groups(3));
    assertEquals("The number of filters must be evenly divisible by the number of groups. Received: groups=3, filters=4.",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new Conv2D(4, 3).padding("causal"));
    assertTrue(e.getMessage().contains("causal"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new Conv1D(2, 3).strides(2).dilationRate(2));
    assertEquals("`strides > 1` not supported in conjunction with `dilation_rate > 1`. Received: strides=(2,) and dilation_rate=(2,)",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new Permute(1, 3));
    assertTrue(e.getMessage().startsWith("Invalid permutation argument `dims` for Permute Layer."), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new Subtract().apply(List.of(Input.shape(3), Input.shape(3), Input.shape(3))));
    assertTrue(e.getMessage().startsWith("A `Subtract` layer should be called on exactly 2 inputs."), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new Multiply().apply(List.of(Input.shape(3), Input.shape(4))));
    assertEquals("Inputs have incompatible shapes. Received shapes (3,) and (4,)", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new Dot(1).apply(List.of(Input.shape(3), Input.shape(4))));
    assertTrue(e.getMessage().startsWith("Incompatible input shapes: axis values 3 (at axis 1) != 4 (at axis 1)."),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new GroupNormalization(3).apply(Input.shape(4)));
    assertEquals("Number of groups (3) must be a multiple of the number of channels (4).", e.getMessage());
  }
}
