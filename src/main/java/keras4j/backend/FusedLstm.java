package keras4j.backend;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.TensorFlow;
import org.tensorflow.op.Ops;
import org.tensorflow.op.nn.BlockLSTM;
import org.tensorflow.op.nn.BlockLSTMGrad;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * A whole LSTM sequence as TensorFlow's fused {@code BlockLSTMV2} kernel, which computes Keras's LSTM exactly when the
 * activations are tanh and sigmoid, with its gradient ({@code BlockLSTMGradV2}; TensorFlow registers it in Python
 * only, so keras4j registers it once per JVM, before any other custom gradient: TF Java's JavaCPP callback
 * adapters are limited to 10, and later registrations get a null function pointer). Keras's weights
 * (gates i, f, c, o) are reordered inside the graph to the kernel's i, c, f, o layout.
 */
public final class FusedLstm {
  private static boolean registered;

  private FusedLstm() {}

  /** The kernel's outputs: every step's {@code h} ({@code [T, batch, units]}), the last {@code h} and {@code c}. */
  public record Outputs(Operand<TFloat32> h, Operand<TFloat32> lastH, Operand<TFloat32> lastC) {}

  /**
   * Runs the LSTM over time-major {@code x [T, batch, features]} from states {@code h0, c0}, with Keras's
   * {@code kernel}, {@code recurrent_kernel} and {@code bias} (null for {@code use_bias=False}).
   */
  public static Outputs run(Ops tf, Operand<TFloat32> x, Operand<TFloat32> h0, Operand<TFloat32> c0,
      Operand<TFloat32> kernel, Operand<TFloat32> recurrentKernel, Operand<TFloat32> bias, int units) {
    register();
    Operand<TFloat32> w = tf.concat(List.of(kernel, recurrentKernel), tf.constant(0));
    Operand<TFloat32> b = bias == null ? tf.zeros(tf.constant(new long[] {4L * units}), TFloat32.class) : bias;
    Operand<TFloat32> peep = tf.zeros(tf.constant(new long[] {units}), TFloat32.class);
    Operand<TInt32> stepsInt = tf.gather(tf.shape(x), tf.constant(0), tf.constant(0));
    Operand<TInt64> steps = tf.dtypes.cast(stepsInt, TInt64.class);
    BlockLSTM<TFloat32> op = tf.nn.blockLSTM(steps, x, c0, h0, w, peep, peep, peep, b,
        BlockLSTM.cellClip(0f), BlockLSTM.usePeephole(false));
    Operand<TFloat32> lastH = last(tf, op.h(), stepsInt);
    Operand<TFloat32> lastC = last(tf, op.cs(), stepsInt);
    return new Outputs(op.h(), lastH, lastC);
  }

  private static Operand<TFloat32> last(Ops tf, Operand<TFloat32> seq, Operand<TInt32> steps) {
    Operand<TInt32> idx = tf.math.sub(steps, tf.constant(1));
    return tf.gather(seq, idx, tf.constant(0));
  }

  static synchronized void register() {
    if (registered) {
      return;
    }
    registered = true;
    TensorFlow.registerCustomGradient(BlockLSTM.OP_NAME, (tf, op, grads) -> {
      @SuppressWarnings("unchecked")
      Output<TFloat32>[] in = new Output[op.numInputs()];
      for (int i = 1; i < in.length; i++) {
        in[i] = (Output<TFloat32>) op.input(i);
      }
      @SuppressWarnings("unchecked")
      Output<TFloat32>[] out = new Output[7];
      for (int i = 0; i < 7; i++) {
        out[i] = cast2(op.output(i));
      }
      Operand<TFloat32> csGrad = grads.get(1) != null ? cast(grads.get(1)) : tf.zerosLike(out[1]);
      Operand<TFloat32> hGrad = grads.get(6) != null ? cast(grads.get(6)) : tf.zerosLike(out[6]);
      @SuppressWarnings("unchecked")
      Operand<TInt64> seqLen = (Operand<TInt64>) op.input(0);
      BlockLSTMGrad<TFloat32> g = tf.nn.blockLSTMGrad(seqLen, in[1], in[2], in[3], in[4], in[5], in[6], in[7], in[8],
          out[0], out[1], out[2], out[3], out[4], out[5], out[6], csGrad, hGrad, false);
      List<Operand<?>> res = new ArrayList<>();
      res.add(tf.zerosLike(seqLen));
      res.add(g.xGrad());
      res.add(g.csPrevGrad());
      res.add(g.hPrevGrad());
      res.add(g.wGrad());
      res.add(g.wciGrad());
      res.add(g.wcfGrad());
      res.add(g.wcoGrad());
      res.add(g.bGrad());
      return res;
    });
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Output<TFloat32> cast2(Output o) {
    return (Output<TFloat32>) o;
  }

  @SuppressWarnings("unchecked")
  private static Operand<TFloat32> cast(Output<?> o) {
    return (Operand<TFloat32>) o;
  }
}
