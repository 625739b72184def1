package keras4j.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Session;
import org.tensorflow.exceptions.TFInvalidArgumentException;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Why keras4j's recurrent layers lay out their steps instead of running one TensorFlow loop: TF Java 1.0.0's
 * {@code Graph.whileLoop} (v1 control flow) runs forward, but {@code Graph.addGradients} through it builds a
 * backprop loop whose body reads the forward loop's values from the wrong frame (TensorFlow's
 * cc/framework/while_gradients.cc stacks no forward intermediates), so even {@code h = h . W} cannot be
 * differentiated. If a TensorFlow upgrade makes this test fail, the loop layout is worth revisiting.
 * (Requesting gradients for only some loop inputs aborts the JVM in gradients.cc, so every input is requested.)
 */
class WhileLoopGradientTest {

  @Test
  @SuppressWarnings("unchecked")
  void aLoopWhoseGradientNeedsForwardValuesCannotBeDifferentiated() {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      Output<TFloat32> i0 = tf.constant(0f).asOutput();
      Output<TFloat32> h0 = tf.constant(new float[][] {{0.3f, -0.2f}}).asOutput();
      Output<TFloat32> w0 = tf.constant(new float[][] {{0.5f, 0.1f}, {-0.4f, 0.9f}}).asOutput();
      Output<?>[] outs = g.whileLoop(new Output<?>[] {i0, h0, w0},
          (cg, in, out) -> out[0] = Ops.create(cg).math.less((Operand<TFloat32>) in[0], Ops.create(cg).constant(3f))
              .asOutput(),
          (bg, in, out) -> {
            Ops b = Ops.create(bg);
            out[0] = b.math.add((Operand<TFloat32>) in[0], b.constant(1f)).asOutput();
            out[1] = b.math.tanh(b.linalg.matMul((Operand<TFloat32>) in[1], (Operand<TFloat32>) in[2])).asOutput();
            out[2] = b.identity((Operand<TFloat32>) in[2]).asOutput();
          }, "loop");
      Operand<TInt32> all = tf.constant(new int[] {0, 1});
      Operand<TFloat32> loss = tf.math.add(tf.math.add(tf.reduceSum((Operand<TFloat32>) outs[1], all),
          tf.math.mul(tf.constant(0f), tf.reduceSum((Operand<TFloat32>) outs[2], all))),
          tf.math.mul(tf.constant(0f), (Operand<TFloat32>) outs[0]));
      try (var r = s.runner().fetch(loss).run()) {
        assertEquals(0.0465217f, ((TFloat32) r.get(0)).getFloat(), 1e-6f, "the forward loop runs");
      }
      Output<?>[] grads = g.addGradients(loss.asOutput(), new Output<?>[] {i0, h0, w0});
      TFInvalidArgumentException e = assertThrows(TFInvalidArgumentException.class,
          () -> s.runner().fetch(grads[2]).run().close());
      assertTrue(e.getMessage().contains("different frames"), e.getMessage());
    }
  }
}
