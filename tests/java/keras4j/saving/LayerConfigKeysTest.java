package keras4j.saving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import keras4j.backend.Backend;
import keras4j.models.Model;
import keras4j.testing.KerasFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The layer configs keras4j writes in the Keras 3 dialect carry the keys and values Keras 3.15.1 wrote for the same
 * layers (the {@code layers} and {@code conv1d} fixtures' model.json): same key sets, equal scalar and list values.
 * Only the layers of this branch are compared (Dense, for one, writes tf.keras's key set). Documented exceptions:
 * {@code rms_scaling} and ZeroPadding1D's {@code data_format} are written only when they differ from Keras 3's
 * defaults (tf.keras 2.x refuses both keys); SpatialDropout's {@code dtype} is written as the policy every other
 * layer has, where Keras writes the bare string (Keras reads both).
 */
class LayerConfigKeysTest {
  static Stream<KerasFixtures.Case> cases() {
    return KerasFixtures.all("layers", "conv1d").stream().filter(c -> c.formats().contains("json"));
  }

  @AfterEach
  void clear() {
    Backend.clearSession();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> layers(String json, String source) {
    Map<String, Object> m = Json.parseObject(json, source);
    Map<String, Object> cfg = (Map<String, Object>) m.get("config");
    return (List<Map<String, Object>>) cfg.get("layers");
  }

  @SuppressWarnings("unchecked")
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void configsMatchKeras(KerasFixtures.Case c) throws IOException {
    List<Map<String, Object>> keras = layers(Files.readString(c.dir().resolve("model.json")), c + "/model.json");
    List<Map<String, Object>> ours;
    try (Model m = c.load("keras")) {
      ours = layers(m.toJson(), "keras4j's toJson of " + c);
    }
    assertEquals(keras.size(), ours.size(), c + ": number of layers");
    int compared = 0;
    for (int i = 0; i < keras.size(); i++) {
      String cls = (String) keras.get(i).get("class_name");
      assertEquals(cls, ours.get(i).get("class_name"), c + ": layer " + i);
      if (!keras4j.saving.LayerRegistry.contains(cls) || Set.of("InputLayer", "Dense", "Conv2D", "Flatten", "Add",
          "Concatenate", "Activation", "Dropout").contains(cls) && !(cls.equals("Conv2D") && c.name().contains("groups"))) {
        continue;
      }
      Map<String, Object> k = (Map<String, Object>) keras.get(i).get("config");
      Map<String, Object> o = (Map<String, Object>) ours.get(i).get("config");
      Set<String> expected = new TreeSet<>(k.keySet());
      if (Boolean.FALSE.equals(k.get("rms_scaling"))) {
        expected.remove("rms_scaling");
      }
      if (cls.equals("ZeroPadding1D") && "channels_last".equals(k.get("data_format"))) {
        expected.remove("data_format");
      }
      assertEquals(expected, new TreeSet<>(o.keySet()), c + ": config keys of " + cls);
      for (String key : expected) {
        Object kv = k.get(key);
        if (kv instanceof Map || key.equals("name") || (key.equals("dtype") && cls.startsWith("SpatialDropout"))) {
          continue;
        }
        Object ov = o.get(key);
        if (kv instanceof Number a && ov instanceof Number b) {
          assertEquals(a.doubleValue(), b.doubleValue(), 1e-12, c + ": " + cls + "." + key);
        } else {
          assertEquals(String.valueOf(kv), String.valueOf(ov), c + ": " + cls + "." + key);
        }
        compared++;
      }
    }
    assertTrue(compared > 0 || c.name().contains("identity") || c.name().startsWith("add_"), c + ": nothing compared");
  }
}
