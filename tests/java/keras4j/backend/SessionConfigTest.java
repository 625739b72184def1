package keras4j.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import keras4j.layers.Dense;
import keras4j.layers.Input;
import keras4j.layers.KerasTensor;
import keras4j.models.Fit;
import keras4j.models.Model;
import keras4j.utils.Np;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.RewriterConfig;

/** The one grappler switch, {@code -Dkeras4j.grappler}: all on, all off, or some passes off. */
class SessionConfigTest {
  @AfterEach
  void clear() {
    System.clearProperty(SessionConfig.GRAPPLER);
    System.clearProperty("keras4j.grapplerOff");
    Backend.clearSession();
  }

  @Test
  void defaultLeavesGrapplerOn() {
    RewriterConfig r = SessionConfig.configProto().getGraphOptions().getRewriteOptions();
    assertFalse(r.getDisableMetaOptimizer());
    assertEquals(RewriterConfig.Toggle.DEFAULT, r.getRemapping());
  }

  @Test
  void offAndFalseTurnItAllOff() {
    for (String v : new String[] {"off", "false"}) {
      System.setProperty(SessionConfig.GRAPPLER, v);
      assertTrue(SessionConfig.configProto().getGraphOptions().getRewriteOptions().getDisableMetaOptimizer(), v);
    }
  }

  @Test
  void passesTurnedOffOneByOne() {
    System.setProperty(SessionConfig.GRAPPLER, "-remapping, -layout");
    RewriterConfig r = SessionConfig.configProto().getGraphOptions().getRewriteOptions();
    assertFalse(r.getDisableMetaOptimizer());
    assertEquals(RewriterConfig.Toggle.OFF, r.getRemapping());
    assertEquals(RewriterConfig.Toggle.OFF, r.getLayoutOptimizer());
    assertEquals(RewriterConfig.Toggle.DEFAULT, r.getArithmeticOptimization());
  }

  @Test
  void unknownValuesAndTheOldSwitchAreRefusedByName() {
    System.setProperty(SessionConfig.GRAPPLER, "-remaping");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, SessionConfig::configProto);
    assertTrue(e.getMessage().contains("keras4j.grappler") && e.getMessage().contains("'-remaping'"), e.getMessage());
    System.clearProperty(SessionConfig.GRAPPLER);
    System.setProperty("keras4j.grapplerOff", "remapping");
    e = assertThrows(IllegalArgumentException.class, SessionConfig::configProto);
    assertTrue(e.getMessage().contains("keras4j.grappler=-remapping"), e.getMessage());
  }

  /** The switch reaches the session: with grappler off, MatMul and BiasAdd are no longer fused into one kernel. */
  @Test
  void offReachesTheSession() {
    Set<String> on = kernels();
    assertTrue(on.stream().anyMatch(k -> k.contains("FusedMatMul")), on.toString());
    System.setProperty(SessionConfig.GRAPPLER, "off");
    Set<String> off = kernels();
    assertFalse(off.stream().anyMatch(k -> k.contains("FusedMatMul")), off.toString());
  }

  private static Set<String> kernels() {
    Backend.clearSession();
    KerasTensor in = Input.shape(8);
    try (Model m = new Model(in, new Dense(4, "relu").apply(in))) {
      m.predict(Np.array(new float[16], 2, 8), Fit.verbose(0));
      Context ctx = Context.current();
      ctx.startProfiling();
      m.predict(Np.array(new float[16], 2, 8), Fit.verbose(0));
      return ctx.stopProfiling().millisPerRun().keySet();
    } finally {
      Backend.clearSession();
    }
  }
}
