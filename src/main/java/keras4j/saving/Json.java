package keras4j.saving;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** JSON as Keras reads and writes it: parsed into maps and lists; written as Python's {@code json.dumps}. */
public final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /** Parses a JSON object. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> parseObject(String json, String source) {
    try {
      Object o = MAPPER.readValue(json, Object.class);
      if (!(o instanceof Map)) {
        throw new IllegalArgumentException("Expected a JSON object in " + source + ", received " + kind(o));
      }
      return (Map<String, Object>) o;
    } catch (JsonProcessingException e) {
      throw invalid(source, e);
    }
  }

  /** Parses any JSON value. */
  public static Object parse(String json, String source) {
    try {
      return MAPPER.readValue(json, Object.class);
    } catch (JsonProcessingException e) {
      throw invalid(source, e);
    }
  }

  private static final java.util.regex.Pattern JACKSON_SOURCE =
      java.util.regex.Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]");

  /** Jackson's message without its "[Source: REDACTED ...]" location text, with the line and column instead. */
  static IllegalArgumentException invalid(String source, JsonProcessingException e) {
    String m = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
    m = JACKSON_SOURCE.matcher(m).replaceAll("line $1, column $2");
    String at = e.getLocation() == null || e.getLocation().getLineNr() < 0 ? ""
        : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    return new IllegalArgumentException("Invalid JSON in " + source + at + ": " + m, e);
  }

  private static String kind(Object o) {
    return o == null ? "null" : o instanceof List ? "a list" : o.getClass().getSimpleName();
  }

  /** Python's {@code json.dumps(value)}: {@code {"a": 1, "b": [1, 2]}}. */
  public static String write(Object value) {
    StringBuilder sb = new StringBuilder();
    write(sb, value);
    return sb.toString();
  }

  private static void write(StringBuilder sb, Object v) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof String s) {
      string(sb, s);
    } else if (v instanceof Boolean b) {
      sb.append(b ? "true" : "false");
    } else if (v instanceof Double || v instanceof Float) {
      sb.append(pythonFloat(((Number) v).doubleValue()));
    } else if (v instanceof Number n) {
      sb.append(n.longValue());
    } else if (v instanceof Map<?, ?> m) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!first) {
          sb.append(", ");
        }
        first = false;
        string(sb, String.valueOf(e.getKey()));
        sb.append(": ");
        write(sb, e.getValue());
      }
      sb.append('}');
    } else if (v instanceof List<?> l) {
      sb.append('[');
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) {
          sb.append(", ");
        }
        write(sb, l.get(i));
      }
      sb.append(']');
    } else if (v instanceof long[] a) {
      write(sb, java.util.Arrays.stream(a).boxed().toList());
    } else if (v instanceof int[] a) {
      write(sb, java.util.Arrays.stream(a).boxed().toList());
    } else {
      throw new IllegalArgumentException("Cannot write " + v.getClass().getName() + " as JSON");
    }
  }

  /** Python's {@code repr(float)}: 0.001, 1e-07, 1.0, 1e+16. */
  static String pythonFloat(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e16) {
      return String.format(Locale.ROOT, "%.1f", d);
    }
    BigDecimal b = new BigDecimal(Double.toString(d)).stripTrailingZeros();
    double a = Math.abs(d);
    if (a >= 1e-4 && a < 1e16) {
      return b.toPlainString();
    }
    String digits = b.unscaledValue().abs().toString();
    int exp = digits.length() - 1 - b.scale();
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    return (d < 0 ? "-" : "") + mantissa + "e" + (exp < 0 ? "-" : "+") + String.format(Locale.ROOT, "%02d", Math.abs(exp));
  }

  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"': sb.append("\\\""); break;
        case '\\': sb.append("\\\\"); break;
        case '\n': sb.append("\\n"); break;
        case '\r': sb.append("\\r"); break;
        case '\t': sb.append("\\t"); break;
        default:
          if (c < 0x20 || c > 0x7e) {
            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
      }
    }
    sb.append('"');
  }
}
