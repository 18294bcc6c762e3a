package org.planmap.backup;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.locationtech.jts.geom.Geometry;
import org.planmap.geo.Dialect;
import org.planmap.geo.Geometries;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The SQL of backup and restore. Table and column names come only from {@link BackupSchema}; values are
 * parameters. Rows are read through a cursor (fetch size) and written in JDBC batches, so memory stays flat.
 */
@Repository
public class BackupStore {
  private static final int BATCH = 1000;
  private final JdbcTemplate jdbc;
  private final Dialect dialect;

  public BackupStore(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.jdbc.setFetchSize(BATCH);
    this.dialect = Dialect.of(dataSource);
  }

  public Dialect dialect() {
    return dialect;
  }

  /** Columns of the stored table that the backup list lacks, and listed columns the table lacks (lower case). */
  public Set<String> unknownColumns(BackupTable t) {
    Set<String> stored = jdbc.query("SELECT * FROM " + t.name() + " WHERE 1 = 0", rs -> {
      ResultSetMetaData md = rs.getMetaData();
      Set<String> out = new TreeSet<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        out.add(md.getColumnName(i).toLowerCase(Locale.ROOT));
      }
      return out;
    });
    Set<String> diff = new TreeSet<>(stored);
    diff.removeAll(t.names());
    t.names().stream().filter(n -> !stored.contains(n)).forEach(diff::add);
    return diff;
  }

  /** Streams every row of a table, in key order, as canonical values (see {@link TableDigest}). */
  public void stream(BackupTable t, Consumer<Object[]> sink) {
    String select = t.columns().stream()
        .map(c -> c.kind() == BackupColumn.Kind.GEOMETRY ? "ST_AsBinary(" + c.name() + ") AS " + c.name() : c.name())
        .collect(Collectors.joining(", "));
    jdbc.query("SELECT " + select + " FROM " + t.name() + " ORDER BY " + String.join(", ", t.key()), rs -> {
      Object[] row = new Object[t.columns().size()];
      for (int i = 0; i < row.length; i++) {
        row[i] = read(rs, i + 1, t.columns().get(i).kind());
      }
      sink.accept(row);
    });
  }

  private static Object read(ResultSet rs, int i, BackupColumn.Kind kind) throws SQLException {
    Object v = switch (kind) {
      case TEXT -> rs.getString(i);
      case INTEGER -> rs.getLong(i);
      case DOUBLE -> rs.getDouble(i);
      case BOOLEAN -> rs.getBoolean(i);
      case TIMESTAMP -> {
        OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
        yield t == null ? null : t.toInstant();
      }
      case GEOMETRY -> Geometries.fromWkb(rs.getBytes(i));
    };
    return rs.wasNull() ? null : v;
  }

  public long count(BackupTable t) {
    Long n = jdbc.queryForObject("SELECT COUNT(*) FROM " + t.name(), Long.class);
    return n == null ? 0 : n;
  }

  /** Empties every table, dependants first. */
  public void deleteAll() {
    List<BackupTable> all = new ArrayList<>(BackupSchema.all());
    java.util.Collections.reverse(all);
    for (BackupTable t : all) {
      jdbc.update("DELETE FROM " + t.name());
    }
  }

  /** Inserts rows of canonical values as they are, ids and versions included. */
  public void insert(BackupTable t, List<Object[]> rows) {
    if (rows.isEmpty()) {
      return;
    }
    String names = String.join(", ", t.names());
    String marks = t.columns().stream()
        .map(c -> c.kind() == BackupColumn.Kind.GEOMETRY ? "ST_GeomFromWKB(?, 4326)" : "?")
        .collect(Collectors.joining(", "));
    jdbc.batchUpdate("INSERT INTO " + t.name() + " (" + names + ") VALUES (" + marks + ")",
        new BatchPreparedStatementSetter() {
          @Override
          public void setValues(PreparedStatement ps, int r) throws SQLException {
            Object[] row = rows.get(r);
            for (int i = 0; i < row.length; i++) {
              bind(ps, i + 1, t.columns().get(i).kind(), row[i]);
            }
          }

          @Override
          public int getBatchSize() {
            return rows.size();
          }
        });
  }

  private static void bind(PreparedStatement ps, int i, BackupColumn.Kind kind, Object v) throws SQLException {
    if (v == null) {
      ps.setNull(i, switch (kind) {
        case TEXT -> Types.VARCHAR;
        case INTEGER -> Types.BIGINT;
        case DOUBLE -> Types.DOUBLE;
        case BOOLEAN -> Types.BOOLEAN;
        case TIMESTAMP -> Types.TIMESTAMP_WITH_TIMEZONE;
        case GEOMETRY -> Types.BINARY;
      });
      return;
    }
    switch (kind) {
      case TEXT -> ps.setString(i, (String) v);
      case INTEGER -> ps.setLong(i, (Long) v);
      case DOUBLE -> ps.setDouble(i, (Double) v);
      case BOOLEAN -> ps.setBoolean(i, (Boolean) v);
      case TIMESTAMP -> ps.setObject(i, OffsetDateTime.ofInstant((Instant) v, ZoneOffset.UTC));
      case GEOMETRY -> ps.setBytes(i, BackupValues.wkb((Geometry) v));
    }
  }

  /**
   * What in this instance was made by people rather than loaded from the shipped {@code geodata/}: edit history,
   * features and plans no loaded file owns, accounts besides the first {@code admin}. Empty for a fresh instance.
   */
  public List<String> userData() {
    List<String> out = new ArrayList<>();
    long history = jdbc.queryForObject("SELECT COUNT(*) FROM " + BackupSchema.HISTORY, Long.class);
    if (history > 0) {
      out.add(history + " changes in the edit history");
    }
    for (BackupTable t : BackupSchema.all()) {
      if (t.names().contains("source_file")) {
        long n = jdbc.queryForObject("SELECT COUNT(*) FROM " + t.name()
            + " WHERE source_file NOT IN (SELECT path FROM geodata_file)", Long.class);
        if (n > 0) {
          out.add(n + " rows of " + t.name() + " not loaded from geodata/");
        }
      }
    }
    long users = jdbc.queryForObject("SELECT COUNT(*) FROM app_user WHERE username <> 'admin'", Long.class);
    if (users > 0) {
      out.add(users + " accounts besides admin");
    }
    return out;
  }

  /** Moves the history's id sequence past the highest stored id (sequences are not rolled back: call it after). */
  public void resetIdentity() {
    Long max = jdbc.queryForObject("SELECT MAX(id) FROM " + BackupSchema.HISTORY, Long.class);
    long next = max == null ? 1 : max + 1;
    if (dialect == Dialect.POSTGIS) {
      jdbc.queryForObject("SELECT setval(pg_get_serial_sequence('" + BackupSchema.HISTORY + "', 'id'), ?, false)",
          Long.class, next);
    } else {
      jdbc.execute("ALTER TABLE " + BackupSchema.HISTORY + " ALTER COLUMN id RESTART WITH " + next);
    }
  }
}
