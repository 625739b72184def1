package keras4j.backend;

import org.tensorflow.proto.ConfigProto;

/**
 * The session's ConfigProto. Switches (system properties, all unset by default): keras4j.intraOpThreads,
 * keras4j.interOpThreads; keras4j.grappler=off turns TensorFlow's graph optimizer off entirely (false is accepted
 * too; faster first runs of very deep models), and a list of passes each prefixed by '-'
 * ({@code -remapping,-layout,-arithmetic,-constfold,-dependency}) turns just those off; keras4j.xlaJit=on|2|off
 * sets the global JIT level (on CPU TensorFlow clusters only with TF_XLA_FLAGS=--tf_xla_cpu_global_jit in the
 * environment; measured: seed model M4 4x slower, M2 about 20% less CPU, M1 30% more).
 */
final class SessionConfig {
  /** The one grappler switch. */
  static final String GRAPPLER = "keras4j.grappler";

  private SessionConfig() {}

  static ConfigProto configProto() {
    ConfigProto.Builder b = ConfigProto.newBuilder();
    Integer intra = Integer.getInteger("keras4j.intraOpThreads");
    Integer inter = Integer.getInteger("keras4j.interOpThreads");
    if (intra != null) {
      b.setIntraOpParallelismThreads(intra);
    }
    if (inter != null) {
      b.setInterOpParallelismThreads(inter);
    }
    if (System.getProperty("keras4j.grapplerOff") != null) {
      throw new IllegalArgumentException("keras4j.grapplerOff is replaced by " + GRAPPLER + "=off (all passes) or "
          + GRAPPLER + "=-remapping,-layout,... (some passes), received keras4j.grapplerOff="
          + System.getProperty("keras4j.grapplerOff"));
    }
    grappler(b, System.getProperty(GRAPPLER, "on").trim());
    String jit = System.getProperty("keras4j.xlaJit");
    if (jit != null) {
      b.getGraphOptionsBuilder().getOptimizerOptionsBuilder().setGlobalJitLevel(switch (jit) {
        case "on", "1" -> org.tensorflow.proto.OptimizerOptions.GlobalJitLevel.ON_1;
        case "2" -> org.tensorflow.proto.OptimizerOptions.GlobalJitLevel.ON_2;
        case "off" -> org.tensorflow.proto.OptimizerOptions.GlobalJitLevel.OFF;
        default -> throw new IllegalArgumentException("keras4j.xlaJit must be on, 1, 2 or off, received " + jit);
      });
    }
    return b.build();
  }

  private static void grappler(ConfigProto.Builder b, String value) {
    switch (value) {
      case "on", "true", "" -> {
        return;
      }
      case "off", "false" -> {
        b.getGraphOptionsBuilder().getRewriteOptionsBuilder().setDisableMetaOptimizer(true);
        return;
      }
      default -> { }
    }
    org.tensorflow.proto.RewriterConfig.Builder r = b.getGraphOptionsBuilder().getRewriteOptionsBuilder();
    org.tensorflow.proto.RewriterConfig.Toggle off = org.tensorflow.proto.RewriterConfig.Toggle.OFF;
    for (String pass : value.split(",")) {
      switch (pass.trim()) {
        case "-remapping" -> r.setRemapping(off);
        case "-layout" -> r.setLayoutOptimizer(off);
        case "-arithmetic" -> r.setArithmeticOptimization(off);
        case "-constfold" -> r.setConstantFolding(off);
        case "-dependency" -> r.setDependencyOptimization(off);
        default -> throw new IllegalArgumentException(GRAPPLER + " expects on, off, or passes to turn off among "
            + "-remapping, -layout, -arithmetic, -constfold, -dependency, received '" + value + "'");
      }
    }
  }
}
