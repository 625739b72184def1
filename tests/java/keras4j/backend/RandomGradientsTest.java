package keras4j.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import keras4j.utils.Np;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** Noise shaped like a layer's input (a VAE's sampling) is differentiable through, with the noise held fixed. */
class RandomGradientsTest {
  @Test
  void gradientThroughNoiseShapedLikeTheInputIsTheNoise() {
    Context ctx = Context.current();
    Ops tf = ctx.ops();
    Placeholder<TFloat32> x = ctx.placeholder(new long[] {-1, 3});
    Operand<TFloat32> eps = tf.random.randomStandardNormal(tf.shape(x), TFloat32.class);
    Operand<TFloat32> y = tf.reduceSum(tf.math.mul(x, eps), tf.constant(new int[] {0, 1}));
    Operand<TFloat32> dx = ctx.gradients(y, List.of(x)).get(0);
    FloatNdArray xv = Np.array(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
    try (TFloat32 feed = Tensors.of(xv)) {
      List<FloatNdArray> out = ctx.run(r -> r.feed(x, feed).fetch(eps).fetch(dx),
          res -> List.of(Tensors.toHost((TFloat32) res.get(0)), Tensors.toHost((TFloat32) res.get(1))));
      assertArrayEquals(Np.toFloatArray(out.get(0)), Np.toFloatArray(out.get(1)), 0f);
    }
  }

  @AfterAll
  static void cleanup() {
    Backend.clearSession();
  }
}
