package org.planmap.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import org.locationtech.jts.geom.Geometry;
import org.planmap.geo.Geometries;
import org.planmap.web.ApiException;

/**
 * Opens a backup GeoPackage for restore and checks, before anything is changed, that it is one: an SQLite
 * GeoPackage, with Planmap's backup tables, of this format and database schema version, with every table and
 * column a restore needs. Each refusal is a 400 naming what is wrong.
 */
final class BackupFileReader implements AutoCloseable {
  private final String name;
  private final GeoPackage gpkg;
  private final Connection sqlite;
  private final Map<String, String> meta;
  private final Map<String, BackupFormat.Summary> summaries;

  private BackupFileReader(String name, GeoPackage gpkg, Map<String, String> meta,
      Map<String, BackupFormat.Summary> summaries) {
    this.name = name;
    this.gpkg = gpkg;
    this.sqlite = gpkg.getConnection().getConnection();
    this.meta = meta;
    this.summaries = summaries;
  }

  static ApiException bad(String detail) {
    return ApiException.badRequest(detail).with("code", "not_a_backup");
  }

  /** Opens and checks the file; {@code schemaVersion} is this instance's Flyway schema version. */
  static BackupFileReader open(Path file, String name, String schemaVersion) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      if (!new String(in.readNBytes(16), StandardCharsets.US_ASCII).startsWith("SQLite format 3")) {
        throw bad(name + " is not a Planmap backup: it is not a GeoPackage (not even an SQLite database)");
      }
    }
    GeoPackage gpkg;
    try {
      gpkg = GeoPackageManager.open(file.toFile(), false);
    } catch (RuntimeException e) {
      throw bad(name + " cannot be opened as a GeoPackage (" + e.getMessage() + ")");
    }
    try {
      if (!gpkg.isTable(BackupFormat.META.name()) || !gpkg.isTable(BackupFormat.TABLES.name())) {
        throw bad(name + " is a GeoPackage but not a Planmap backup (it has no " + BackupFormat.META.name()
            + " table); to bring features from an ordinary GeoPackage into Planmap, import it instead");
      }
      Connection c = gpkg.getConnection().getConnection();
      Map<String, String> meta = meta(c);
      check(name, meta, schemaVersion);
      Map<String, BackupFormat.Summary> summaries = summaries(c);
      for (BackupTable t : BackupSchema.all()) {
        columns(name, c, t, summaries);
      }
      return new BackupFileReader(name, gpkg, meta, summaries);
    } catch (SQLException e) {
      gpkg.close();
      throw bad(name + " is damaged: its backup tables cannot be read (" + e.getMessage() + ")");
    } catch (RuntimeException e) {
      gpkg.close();
      throw e;
    }
  }

  private static Map<String, String> meta(Connection c) throws SQLException {
    Map<String, String> out = new HashMap<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT key, value FROM planmap_backup")) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getString(2));
      }
    }
    return out;
  }

  private static void check(String name, Map<String, String> meta, String schemaVersion) {
    if (!BackupFormat.FORMAT.equals(meta.get("format"))) {
      throw bad(name + " is not a Planmap backup (its format is '" + meta.get("format") + "')");
    }
    if (!BackupFormat.VERSION.equals(meta.get("format_version"))) {
      throw bad(name + " is a Planmap backup of format version " + meta.get("format_version")
          + ", which this Planmap (format " + BackupFormat.VERSION + ") cannot read; restore it with the Planmap"
          + " version that made it (" + meta.get("planmap_version") + ")");
    }
    if (!schemaVersion.equals(meta.get("schema_version"))) {
      throw bad(name + " was made by Planmap " + meta.get("planmap_version") + " with database schema version "
          + meta.get("schema_version") + "; this Planmap has schema version " + schemaVersion
          + ". Restore it into the Planmap version that made it, then upgrade that instance");
    }
  }

  private static Map<String, BackupFormat.Summary> summaries(Connection c) throws SQLException {
    Map<String, BackupFormat.Summary> out = new HashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT table_name, row_count, checksum FROM planmap_backup_table")) {
      while (rs.next()) {
        out.put(rs.getString(1), new BackupFormat.Summary(rs.getLong(2), rs.getString(3)));
      }
    }
    return out;
  }

  private static void columns(String name, Connection c, BackupTable t, Map<String, BackupFormat.Summary> summaries)
      throws SQLException {
    Set<String> have = new HashSet<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT name FROM pragma_table_info(?)")) {
      ps.setString(1, t.name());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          have.add(rs.getString(1));
        }
      }
    }
    if (have.isEmpty() || !summaries.containsKey(t.name())) {
      throw bad(name + " is an incomplete Planmap backup: it has no table " + t.name());
    }
    for (String col : t.names()) {
      if (!have.contains(col)) {
        throw bad(name + " is an incomplete Planmap backup: its table " + t.name() + " has no column " + col);
      }
    }
  }

  Map<String, String> meta() {
    return meta;
  }

  BackupFormat.Summary summary(BackupTable t) {
    return summaries.get(t.name());
  }

  /** Streams the rows of a table as canonical values; a value of the wrong kind is a 400. */
  void rows(BackupTable t, Consumer<Object[]> sink) {
    String cols = String.join(", ", t.names().stream().map(BackupFileWriter::quote).toList());
    try (Statement s = sqlite.createStatement();
        ResultSet rs = s.executeQuery("SELECT " + cols + " FROM " + BackupFileWriter.quote(t.name()) + " ORDER BY fid")) {
      long n = 0;
      while (rs.next()) {
        n++;
        Object[] row = new Object[t.columns().size()];
        for (int i = 0; i < row.length; i++) {
          BackupColumn c = t.columns().get(i);
          row[i] = value(c, rs.getObject(i + 1), t.name() + " row " + n + " column " + c.name());
        }
        sink.accept(row);
      }
    } catch (SQLException e) {
      throw bad(name + " is damaged: table " + t.name() + " cannot be read (" + e.getMessage() + ")");
    }
  }

  private Object value(BackupColumn c, Object v, String where) {
    if (v == null) {
      return null;
    }
    try {
      return switch (c.kind()) {
        case TEXT -> (String) v;
        case INTEGER -> v instanceof Integer || v instanceof Long ? ((Number) v).longValue() : fail(where);
        case DOUBLE -> v instanceof Number n ? n.doubleValue() : fail(where);
        case BOOLEAN -> v instanceof Number n && (n.intValue() == 0 || n.intValue() == 1) ? n.intValue() == 1
            : fail(where);
        case TIMESTAMP -> Instant.parse((String) v);
        case GEOMETRY -> geometry(c, (byte[]) v);
      };
    } catch (ApiException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      return fail(where);
    }
  }

  private static Geometry geometry(BackupColumn c, byte[] bytes) throws IOException {
    byte[] wkb = c.name().equals(BackupTable.GEOMETRY) ? GeoPackageGeometryData.create(bytes).getWkb() : bytes;
    return Geometries.fromWkb(wkb);
  }

  private Object fail(String where) {
    throw bad(name + " is damaged: " + where + " holds a value of the wrong kind");
  }

  @Override
  public void close() {
    gpkg.close();
  }
}
