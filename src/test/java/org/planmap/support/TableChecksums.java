package org.planmap.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A checksum of every table of the application's schema, the list of tables taken from the database catalog (so a
 * table added later is covered without a change here). On PostGIS each table is {@code md5} of its rows' text in
 * order; on H2GIS the rows are read in primary-key order (geometry as WKB) and hashed with SHA-256. Equal maps mean nothing stored
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
    // H2GIS: rows in primary-key (scan) order, which is stable while a table is unchanged; geometry as WKB
    MessageDigest sha = sha256();
    long[] count = {0};
    boolean[][] binary = {null};
    jdbc.query("SELECT * FROM " + quoted, rs -> {
      if (binary[0] == null) {
        var meta = rs.getMetaData();
        binary[0] = new boolean[meta.getColumnCount() + 1];
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          binary[0][i] = meta.getColumnTypeName(i).toUpperCase().matches(".*(GEOMETRY|BINARY|BLOB).*");
        }
      }
      count[0]++;
      for (int i = 1; i < binary[0].length; i++) {
        byte[] value = binary[0][i] ? rs.getBytes(i) : rs.getString(i) == null ? null
            : rs.getString(i).getBytes(StandardCharsets.UTF_8);
        sha.update(value == null ? new byte[] {0} : value);
        sha.update((byte) 0x1f);
      }
      sha.update((byte) 0x1e);
    });
    return count[0] + "/" + HexFormat.of().formatHex(sha.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
