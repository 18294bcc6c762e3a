package org.planmap.backup;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import mil.nga.geopackage.BoundingBox;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.attributes.AttributesColumn;
import mil.nga.geopackage.attributes.AttributesTableMetadata;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.sf.GeometryType;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Writes a backup GeoPackage with the NGA library: tables with a {@code geom} column become feature tables
 * (EPSG:4326, geometry type GEOMETRY, extent in {@code gpkg_contents}), the others attribute tables; every table
 * has an integer {@code fid} key of its own besides its columns. Rows go in as JDBC batches on the library's
 * connection, one transaction per {@value #BATCH} rows.
 */
final class BackupFileWriter implements AutoCloseable {
  private static final int BATCH = 5000;
  private final GeoPackage gpkg;
  private final Connection sqlite;
  private final SpatialReferenceSystem srs;
  private BackupTable table;
  private PreparedStatement insert;
  private Envelope extent;
  private long rows;

  BackupFileWriter(Path file) {
    GeoPackageManager.create(file.toFile());
    this.gpkg = GeoPackageManager.open(file.toFile());
    try {
      this.srs = gpkg.getSpatialReferenceSystemDao().getOrCreateCode("EPSG", 4326);
      this.sqlite = gpkg.getConnection().getConnection();
    } catch (SQLException | RuntimeException e) {
      gpkg.close();
      throw new IllegalStateException("cannot create the backup GeoPackage: " + e.getMessage(), e);
    }
  }

  /** Creates the table and starts writing its rows. */
  void begin(BackupTable t) {
    table = t;
    extent = new Envelope();
    rows = 0;
    try {
      if (t.spatial()) {
        GeometryColumns gc = new GeometryColumns();
        gc.setTableName(t.name());
        gc.setColumnName(BackupTable.GEOMETRY);
        gc.setGeometryType(GeometryType.GEOMETRY);
        gc.setZ((byte) 0);
        gc.setM((byte) 0);
        gc.setSrs(srs);
        List<FeatureColumn> cols = new ArrayList<>();
        t.columns().stream().filter(c -> !c.name().equals(BackupTable.GEOMETRY))
            .forEach(c -> cols.add(FeatureColumn.createColumn(c.name(), type(c.kind()))));
        gpkg.createFeatureTable(FeatureTableMetadata.create(gc, "fid", cols, new BoundingBox(-180, -90, 180, 90)));
      } else {
        List<AttributesColumn> cols = new ArrayList<>();
        t.columns().forEach(c -> cols.add(AttributesColumn.createColumn(c.name(), type(c.kind()))));
        gpkg.createAttributesTable(AttributesTableMetadata.create(t.name(), "fid", cols));
      }
      gpkg.beginTransaction();
      insert = sqlite.prepareStatement("INSERT INTO " + quote(t.name()) + " (" + String.join(", ",
          t.names().stream().map(BackupFileWriter::quote).toList()) + ") VALUES ("
          + String.join(", ", t.names().stream().map(n -> "?").toList()) + ")");
    } catch (SQLException | RuntimeException e) {
      throw new IllegalStateException("cannot create table " + t.name() + " in the backup: " + e.getMessage(), e);
    }
  }

  private static GeoPackageDataType type(BackupColumn.Kind kind) {
    return switch (kind) {
      case INTEGER -> GeoPackageDataType.INTEGER;
      case DOUBLE -> GeoPackageDataType.DOUBLE;
      case BOOLEAN -> GeoPackageDataType.BOOLEAN;
      case GEOMETRY -> GeoPackageDataType.BLOB;
      default -> GeoPackageDataType.TEXT;
    };
  }

  static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  void write(Object[] row) {
    try {
      for (int i = 0; i < row.length; i++) {
        BackupColumn c = table.columns().get(i);
        insert.setObject(i + 1, value(c, row[i]));
      }
      insert.addBatch();
      if (++rows % BATCH == 0) {
        insert.executeBatch();
        gpkg.endAndBeginTransaction();
      }
    } catch (SQLException | IOException e) {
      throw new IllegalStateException("cannot write table " + table.name() + " of the backup: " + e.getMessage(), e);
    }
  }

  private Object value(BackupColumn c, Object v) throws IOException {
    if (v == null) {
      return null;
    }
    return switch (c.kind()) {
      case BOOLEAN -> (Boolean) v ? 1 : 0;
      case TIMESTAMP -> ((Instant) v).toString();
      case GEOMETRY -> {
        Geometry g = (Geometry) v;
        byte[] wkb = BackupValues.wkb(g);
        if (!c.name().equals(BackupTable.GEOMETRY)) {
          yield wkb;
        }
        if (!g.isEmpty()) {
          extent.expandToInclude(g.getEnvelopeInternal());
        }
        yield GeoPackageGeometryData.createFromWkbAndBuildEnvelope(srs.getSrsId(), wkb).toBytes();
      }
      default -> v;
    };
  }

  /** Writes what remains of the table and records its extent. */
  void end() {
    try {
      insert.executeBatch();
      insert.close();
      if (table.spatial() && !extent.isNull()) {
        try (PreparedStatement ps = sqlite.prepareStatement(
            "UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ? WHERE table_name = ?")) {
          ps.setDouble(1, extent.getMinX());
          ps.setDouble(2, extent.getMinY());
          ps.setDouble(3, extent.getMaxX());
          ps.setDouble(4, extent.getMaxY());
          ps.setString(5, table.name());
          ps.executeUpdate();
        }
      }
      gpkg.endTransaction(true);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot write table " + table.name() + " of the backup: " + e.getMessage(), e);
    }
  }

  /** Writes a whole small table (the backup's own metadata). */
  void table(BackupTable t, List<Object[]> rows) {
    begin(t);
    rows.forEach(this::write);
    end();
  }

  @Override
  public void close() {
    if (gpkg.inTransaction()) {
      gpkg.endTransaction(false);
    }
    gpkg.close();
  }
}
