package org.planmap.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A checksum of every table of the application's schema, the list of tables taken from the database catalog (so a
 * table added later is covered without a change here). On PostGIS each table is {@code md5} of its rows' text in
 * order; on H2GIS the rows are read (geometry as WKB), sorted and hashed with SHA-256. Equal maps mean nothing stored
 * changed.
 */
public final class TableChecksums {
  private final JdbcTemplate jdbc;
  private final boolean h2;

  public TableChecksums(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.h2 = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName())
        .toLowerCase().contains("h2");
  }

  /** The application's tables, from the catalog. */
  public List<String> tables() {
    return jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = ?"
        + " AND table_type IN ('BASE TABLE', 'TABLE') ORDER BY table_name", String.class, h2 ? "PUBLIC" : "public");
  }

  /** Table name to row count and SHA-256 of its sorted rows. */
  public Map<String, String> all() {
    Map<String, String> out = new TreeMap<>();
    for (String t : tables()) {
      out.put(t, of(t));
    }
    return out;
  }

  private String of(String table) {
    String quoted = "\"" + table.replace("\"", "\"\"") + "\"";
    if (!h2) {
      // PostGIS: each row as its text form, sorted and hashed in the database
      return jdbc.queryForObject("SELECT COUNT(*) || '/' || COALESCE(md5(string_agg(t::text, chr(30) ORDER BY t::text)),"
          + " '') FROM " + quoted + " t", String.class);
    }
    List<String> rows = new ArrayList<>();
    jdbc.query("SELECT * FROM " + quoted, rs -> {
      var meta = rs.getMetaData();
      StringBuilder row = new StringBuilder();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        boolean binary = meta.getColumnTypeName(i).toUpperCase().matches(".*(GEOMETRY|BINARY|BLOB).*");
        row.append(binary ? HexFormat.of().formatHex(rs.getBytes(i) == null ? new byte[0] : rs.getBytes(i))
            : rs.getString(i)).append('\u001f');
      }
      rows.add(row.toString());
    });
    rows.sort(null);
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      rows.forEach(r -> sha.update((r + '\u001e').getBytes(StandardCharsets.UTF_8)));
      return rows.size() + "/" + HexFormat.of().formatHex(sha.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
