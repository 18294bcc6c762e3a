package org.planmap.geodata;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.OutStream;
import org.locationtech.jts.io.WKBWriter;
import org.planmap.geo.Geometries;
import org.planmap.plan.CollectionSpec;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Streams new rows into a PostGIS table with {@code COPY … FROM STDIN} (text format, geometry as hex EWKB) on the
 * connection of the current transaction, as {@code ogr2ogr} loads. A failure, in Java or in the database, cancels
 * the copy; the transaction's rollback then leaves nothing behind.
 */
final class FeatureCopyWriter implements FeatureTableWriter.Rows {
  private static final int FLUSH_BYTES = 1 << 18;
  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
  private static final Pattern COPY_LINE = Pattern.compile("COPY \\w+, line (\\d+)");
  private final JdbcTemplate jdbc;
  private final DataSource dataSource;
  private final Connection connection;
  private final String sql;
  private final String sourceFile;
  private final BiFunction<FeatureRecord, String, Object[]> values;
  private final WKBWriter wkb = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN, true);
  private final HexOut hex = new HexOut();
  private final CopyIn copy;
  private byte[] buf = new byte[FLUSH_BYTES + (1 << 16)];
  private int len;
  private boolean done;

  FeatureCopyWriter(JdbcTemplate jdbc, CollectionSpec spec, String sourceFile,
      BiFunction<FeatureRecord, String, Object[]> values) {
    this.jdbc = jdbc;
    this.dataSource = jdbc.getDataSource();
    this.sourceFile = sourceFile;
    this.values = values;
    this.sql = "COPY " + spec.table() + " (" + FeatureTableWriter.columnList(spec) + ") FROM STDIN";
    this.connection = DataSourceUtils.getConnection(dataSource);
    try {
      this.copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
    } catch (SQLException e) {
      DataSourceUtils.releaseConnection(connection, dataSource);
      throw translate(e);
    }
  }

  @Override
  public void add(FeatureRecord f) {
    Object[] v = values.apply(f, sourceFile + " feature " + f.id());
    for (int i = 0; i < v.length - 1; i++) {
      value(v[i]);
      put((byte) '\t');
    }
    geometry((Geometry) v[v.length - 1]);
    put((byte) '\n');
    if (len >= FLUSH_BYTES) {
      flush();
    }
  }

  @Override
  public void finish() {
    flush();
    try {
      copy.endCopy();
      done = true;
    } catch (SQLException e) {
      throw translate(e);
    }
  }

  @Override
  public void close() {
    try {
      if (!done && copy.isActive()) {
        copy.cancelCopy();
      }
    } catch (SQLException e) {
      // the copy failed already; the transaction's rollback cleans up
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
  }

  private void flush() {
    try {
      copy.writeToCopy(buf, 0, len);
      len = 0;
    } catch (SQLException e) {
      throw translate(e);
    }
  }

  /**
   * A database refusal in one line, named by the feature ({@code COPY} counts lines from 1, one per feature); the
   * driver's exception is left out so that its first line is the deepest message.
   */
  private DataAccessException translate(SQLException e) {
    String m = e.getMessage() == null ? "" : e.getMessage();
    Matcher line = COPY_LINE.matcher(m);
    String first = m.lines().findFirst().orElse(m);
    String where = line.find() ? "feature " + line.group(1) + ": " : "";
    return jdbc.getExceptionTranslator().translate("COPY", sql, new SQLException(where + first, e.getSQLState()));
  }

  private void value(Object v) {
    if (v == null) {
      put((byte) '\\');
      put((byte) 'N');
    } else if (v instanceof Boolean b) {
      put((byte) (b ? 't' : 'f'));
    } else if (v instanceof Number n) {
      ascii(n.toString());
    } else {
      text(v.toString());
    }
  }

  /** Text in COPY's text format: UTF-8 with backslash, tab, newline and carriage return escaped (ASCII directly). */
  private void text(String s) {
    int n = s.length();
    room(2 * n);
    int start = len;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        len = start;
        utf8(s);
        return;
      }
      switch (c) {
        case '\\' -> { buf[len++] = '\\'; buf[len++] = '\\'; }
        case '\t' -> { buf[len++] = '\\'; buf[len++] = 't'; }
        case '\n' -> { buf[len++] = '\\'; buf[len++] = 'n'; }
        case '\r' -> { buf[len++] = '\\'; buf[len++] = 'r'; }
        default -> buf[len++] = (byte) c;
      }
    }
  }

  private void utf8(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    room(b.length * 2);
    for (byte c : b) {
      switch (c) {
        case '\\' -> { buf[len++] = '\\'; buf[len++] = '\\'; }
        case '\t' -> { buf[len++] = '\\'; buf[len++] = 't'; }
        case '\n' -> { buf[len++] = '\\'; buf[len++] = 'n'; }
        case '\r' -> { buf[len++] = '\\'; buf[len++] = 'r'; }
        default -> buf[len++] = c;
      }
    }
  }

  private void ascii(String s) {
    room(s.length());
    for (int i = 0; i < s.length(); i++) {
      buf[len++] = (byte) s.charAt(i);
    }
  }

  private void geometry(Geometry g) {
    if (g == null) {
      put((byte) '\\');
      put((byte) 'N');
      return;
    }
    g.setSRID(Geometries.WGS84);
    try {
      wkb.write(g, hex);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void put(byte b) {
    room(1);
    buf[len++] = b;
  }

  private void room(int n) {
    if (len + n > buf.length) {
      buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
    }
  }

  /** JTS writes the EWKB here; it lands in the buffer as hex, with no array in between. */
  private final class HexOut implements OutStream {
    @Override
    public void write(byte[] b, int n) {
      room(2 * n);
      for (int i = 0; i < n; i++) {
        buf[len++] = HEX[(b[i] >> 4) & 0xF];
        buf[len++] = HEX[b[i] & 0xF];
      }
    }
  }
}
