package org.planmap.backup;

import java.sql.ResultSetMetaData;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every row of every table of a Planmap database as canonical text, for comparing two databases row by row
 * independently of the backup code: tables and columns found from the database's own catalogue, numbers in Java's
 * exact form, instants in UTC, geometry as big-endian 2D WKB hex re-written by JTS; rows sorted per table.
 */
final class TableRows {
  /** Tables that are not Planmap's data (Flyway's history, the spatial extension's own). */
  static final Set<String> NOT_DATA = Set.of("flyway_schema_history", "spatial_ref_sys");

  private TableRows() {}

  static List<String> tables(JdbcTemplate jdbc) {
    return jdbc.queryForList("SELECT LOWER(table_name) FROM information_schema.tables WHERE LOWER(table_schema) ="
        + " 'public' AND table_type IN ('BASE TABLE', 'TABLE') ORDER BY 1", String.class).stream()
        .filter(t -> !NOT_DATA.contains(t)).toList();
  }

  /** Table name → its rows, each as one line of text, sorted. */
  static Map<String, List<String>> of(JdbcTemplate jdbc) {
    Map<String, List<String>> out = new TreeMap<>();
    for (String t : tables(jdbc)) {
      out.put(t, rows(jdbc, t));
    }
    return out;
  }

  static List<String> rows(JdbcTemplate jdbc, String table) {
    List<String[]> cols = jdbc.query("SELECT * FROM " + table + " WHERE 1 = 0", rs -> {
      ResultSetMetaData md = rs.getMetaData();
      List<String[]> c = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        c.add(new String[] {md.getColumnName(i).toLowerCase(Locale.ROOT),
            md.getColumnTypeName(i).toLowerCase(Locale.ROOT)});
      }
      return c;
    });
    List<String> select = cols.stream().map(c -> c[1].contains("geometry") ? "ST_AsBinary(" + c[0] + ")" : c[0])
        .toList();
    List<String> rows = new ArrayList<>(jdbc.query("SELECT " + String.join(", ", select) + " FROM " + table,
        (rs, n) -> {
          StringBuilder b = new StringBuilder();
          for (int i = 0; i < cols.size(); i++) {
            String type = cols.get(i)[1];
            Object v = type.contains("time zone") || type.equals("timestamptz")
                ? rs.getObject(i + 1, OffsetDateTime.class) : rs.getObject(i + 1);
            b.append(cols.get(i)[0]).append('=').append(text(v, type)).append(" | ");
          }
          return b.toString();
        }));
    rows.sort(null);
    return rows;
  }

  private static String text(Object v, String type) {
    if (v == null) {
      return "NULL";
    }
    if (type.contains("geometry")) {
      try {
        return HexFormat.of().formatHex(new WKBWriter(2, ByteOrderValues.BIG_ENDIAN)
            .write(new WKBReader().read((byte[]) v)));
      } catch (ParseException e) {
        throw new IllegalStateException(e);
      }
    }
    if (v instanceof OffsetDateTime t) {
      return t.toInstant().toString();
    }
    if (v instanceof Float || v instanceof Double) {
      return Double.toString(((Number) v).doubleValue());
    }
    if (v instanceof Number n) {
      return Long.toString(n.longValue());
    }
    return v.toString();
  }
}
