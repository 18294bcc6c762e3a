package org.planmap.geodata;

import java.util.Map;

/**
 * The JSON of a flat object of text, whole numbers, finite decimals and booleans (what {@code attrs} of an import
 * row holds), written without Jackson's per-call set-up, which cost a quarter of a million-row import. Anything
 * else answers null, and the caller asks Jackson. Numbers are written as Jackson writes them.
 */
final class FlatJson {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private FlatJson() {}

  static String of(Map<String, Object> m) {
    StringBuilder b = new StringBuilder(32 * m.size() + 2).append('{');
    for (Map.Entry<String, Object> e : m.entrySet()) {
      Object v = e.getValue();
      if (b.length() > 1) {
        b.append(',');
      }
      string(b, e.getKey());
      b.append(':');
      if (v instanceof String s) {
        string(b, s);
      } else if (v instanceof Long || v instanceof Integer || v instanceof Boolean) {
        b.append(v);
      } else if (v instanceof Double d && Double.isFinite(d)) {
        b.append(d.doubleValue());
      } else {
        return null;
      }
    }
    return b.append('}').toString();
  }

  private static void string(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '\b' -> b.append("\\b");
        case '\f' -> b.append("\\f");
        default -> {
          if (c < 0x20) {
            b.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }
}
