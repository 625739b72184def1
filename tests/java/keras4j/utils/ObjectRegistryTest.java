package keras4j.utils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import keras4j.constraints.Constraint;
import keras4j.constraints.Constraints;
import keras4j.layers.Dense;
import keras4j.layers.Input;
import keras4j.layers.KerasTensor;
import keras4j.models.Model;
import keras4j.models.Models;
import keras4j.regularizers.Regularizer;
import keras4j.regularizers.Regularizers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The registries of regularizers and constraints: names, aliases, configs, custom registration, errors. */
class ObjectRegistryTest {

  /** One kind's public entry points, so both registries run through the same checks. */
  record Kind(String name, String facade, Function<String, Object> get, Function<Object, Map<String, Object>> ser,
      Function<Object, Object> deser, Map<String, String> aliases, Map<String, Object> sampleConfig,
      String sampleClass, Function<String, Object> customInstance) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> kinds() {
    Kind regs = new Kind("regularizer", "Regularizers", Regularizers::get,
        o -> Regularizers.serialize((Regularizer) o), Regularizers::deserialize,
        Map.of("l1", "L1", "l2", "L2", "l1_l2", "L1L2", "orthogonal_regularizer", "OrthogonalRegularizer"),
        Map.of("l1", 0.25, "l2", 0.5), "L1L2",
        n -> Regularizers.registerInstance(n, (Regularizer) (tf, x) -> tf.math.mul(tf.constant(3f), x)));
    Kind cons = new Kind("constraint", "Constraints", Constraints::get,
        o -> Constraints.serialize((Constraint) o), Constraints::deserialize,
        Map.of("max_norm", "MaxNorm", "non_neg", "NonNeg", "unit_norm", "UnitNorm", "min_max_norm", "MinMaxNorm"),
        Map.of("min_value", 0.5, "max_value", 2.0, "rate", 0.75, "axis", List.of(0, 1)), "MinMaxNorm",
        n -> Constraints.registerInstance(n, (Constraint) (tf, w) -> tf.math.abs(w)));
    return Stream.of(Arguments.of(regs), Arguments.of(cons));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void aliasesAndClassNamesGiveTheSameClass(Kind k) {
    for (Map.Entry<String, String> e : k.aliases().entrySet()) {
      Object byAlias = k.get().apply(e.getKey());
      Object byClass = k.get().apply(e.getValue());
      assertEquals(e.getValue(), k.ser().apply(byAlias).get("class_name"), e.getKey());
      assertEquals(k.ser().apply(byAlias), k.ser().apply(byClass), e.getKey());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void configsRoundTrip(Kind k) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("class_name", k.sampleClass());
    spec.put("config", k.sampleConfig());
    Map<String, Object> back = k.ser().apply(k.deser().apply(spec));
    assertEquals(k.sampleClass(), back.get("class_name"));
    @SuppressWarnings("unchecked")
    Map<String, Object> cfg = (Map<String, Object>) back.get("config");
    for (Map.Entry<String, Object> e : k.sampleConfig().entrySet()) {
      Object v = cfg.get(e.getKey());
      if (e.getValue() instanceof Number n) {
        assertEquals(n.doubleValue(), ((Number) v).doubleValue(), 1e-12, e.getKey());
      } else {
        assertEquals(e.getValue().toString().replace(" ", ""), String.valueOf(v).replace(" ", ""), e.getKey());
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void unknownNamesListTheKnownOnesAndHowToRegister(Kind k) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> k.get().apply("no_such_thing"));
    assertTrue(e.getMessage().contains("Unknown " + k.name() + ": 'no_such_thing'"), e.getMessage());
    for (String alias : k.aliases().keySet()) {
      assertTrue(e.getMessage().contains(alias), e.getMessage());
    }
    assertTrue(e.getMessage().contains(k.facade() + ".register("), e.getMessage());
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> k.deser().apply(42));
    assertTrue(bad.getMessage().contains(k.name() + " identifier: 42"), bad.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void registeredInstancesSaveUnderTheirNameAndComeBackTheSame(Kind k) {
    String name = "Custom" + k.facade() + "Instance";
    Object instance = k.customInstance().apply(name);
    Map<String, Object> spec = k.ser().apply(instance);
    assertEquals(name, spec.get("class_name"));
    assertSame(instance, k.deser().apply(spec));
    Map<String, Object> keras3 = new LinkedHashMap<>(Map.of("class_name", "Unrelated", "registered_name", name,
        "config", Map.of()));
    assertSame(instance, k.deser().apply(keras3), "registered_name wins over class_name");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void unregisteredLambdasAreRefusedAtSaveNamingTheFacade(Kind k) {
    Object lambda = k.name().equals("regularizer")
        ? (Regularizer) (tf, x) -> x
        : (Object) (Constraint) (tf, w) -> w;
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> k.ser().apply(lambda));
    assertTrue(e.getMessage().contains("is not registered") && e.getMessage().contains(k.facade() + ".register("),
        e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void aModelUsingARegisteredCustomObjectRoundTripsThroughJson(Kind k) {
    String name = "Json" + k.facade() + "Instance";
    Object instance = k.customInstance().apply(name);
    Dense d = new Dense(3);
    if (instance instanceof Regularizer r) {
      d.kernelRegularizer(r);
    } else {
      d.kernelConstraint((Constraint) instance);
    }
    KerasTensor in = Input.shape(4);
    Model m = new Model(in, d.apply(in));
    String json = m.toJson();
    assertTrue(json.contains(name), json);
    Model back = Models.fromJson(json);
    Dense d2 = (Dense) back.layers().get(1);
    Object restored = instance instanceof Regularizer ? d2.weightRegularizer("kernel") : d2.weightConstraint("kernel");
    assertSame(instance, restored);
    m.close();
    back.close();
  }
}
