package org.planmap.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The rows of {@code security/rights-matrix.tsv}: a request and the status each role must get. */
final class RightsMatrix {
  /** The columns of expected statuses, in file order. */
  enum Role { ANONYMOUS, VIEWER, OTHER, PLANNER, ADMIN, CLOSED }

  record Row(int line, String method, String path, List<String[]> headers, String body, Map<Role, Integer> expected) {
    boolean writes() {
      return !method.equals("GET") && !method.equals("HEAD");
    }

    /** The path with every placeholder replaced by a sample word, for matching against handler patterns. */
    String samplePath() {
      return path.replaceAll("\\{[a-z_]+}", "x").replaceFirst("\\?.*$", "");
    }

    @Override
    public String toString() {
      return method + " " + path + (body.equals("-") ? "" : " " + body) + " (line " + line + ")";
    }
  }

  private RightsMatrix() {}

  static List<Row> rows() {
    String text = resource("security/rights-matrix.tsv");
    List<Row> rows = new ArrayList<>();
    String[] lines = text.split("\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t");
      if (f.length != 10) {
        throw new IllegalStateException("rights-matrix.tsv line " + (i + 1) + " has " + f.length + " columns, not 10");
      }
      List<String[]> headers = new ArrayList<>();
      if (!f[2].equals("-")) {
        for (String h : f[2].split(" \\| ")) {
          int colon = h.indexOf(':');
          headers.add(new String[] {h.substring(0, colon).strip(), h.substring(colon + 1).strip()});
        }
      }
      Map<Role, Integer> expected = new java.util.EnumMap<>(Role.class);
      for (Role r : Role.values()) {
        expected.put(r, Integer.valueOf(f[4 + r.ordinal()]));
      }
      rows.add(new Row(i + 1, f[0], f[1], headers, f[3], expected));
    }
    return rows;
  }

  static String resource(String name) {
    try (InputStream in = RightsMatrix.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("no test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
