package org.planmap.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import mil.nga.geopackage.BoundingBox;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.sf.GeometryType;
import org.locationtech.jts.geom.Geometry;
import org.planmap.geo.Geometries;

/**
 * A GeoPackage with one feature table named after the collection (full field names, no cutting), in the chosen
 * CRS, made with the NGA library (tables, SRS, geometry encoding) and filled in transactions of {@value #BATCH} rows.
 */
final class GeoPackageSink implements ExportSink {
  private static final int BATCH = 5000;
  private final ExportLayout layout;
  private final ExchangeCrs crs;
  private final OutputStream out;
  private final Path file;
  private final GeoPackage gpkg;
  private final PreparedStatement insert;
  private final long srsId;
  private long rows;
  private boolean closed;

  GeoPackageSink(Path dir, ExportLayout layout, ExchangeCrs crs, OutputStream out) throws IOException {
    this.layout = layout;
    this.crs = crs;
    this.out = out;
    this.file = dir.resolve(layout.collection().id() + ".gpkg");
    GeoPackageManager.create(file.toFile());
    this.gpkg = GeoPackageManager.open(file.toFile());
    try {
      SpatialReferenceSystem srs = srs();
      this.srsId = srs.getSrsId();
      GeometryColumns gc = new GeometryColumns();
      gc.setTableName(layout.collection().id());
      gc.setColumnName("geom");
      gc.setGeometryType(GeometryType.GEOMETRY);
      gc.setZ((byte) 0);
      gc.setM((byte) 0);
      gc.setSrs(srs);
      List<FeatureColumn> cols = new ArrayList<>();
      for (ExportField f : layout.fields()) {
        cols.add(FeatureColumn.createColumn(name(f), switch (f.type()) {
          case INTEGER -> GeoPackageDataType.INTEGER;
          case DOUBLE -> GeoPackageDataType.DOUBLE;
          case BOOLEAN -> GeoPackageDataType.BOOLEAN;
          default -> GeoPackageDataType.TEXT;
        }));
      }
      BoundingBox world = crs.projected() ? new BoundingBox(0, 0, 0, 0) : new BoundingBox(-180, -90, 180, 90);
      gpkg.createFeatureTable(FeatureTableMetadata.create(gc, "fid", cols, world));
      gpkg.beginTransaction();
      this.insert = gpkg.getConnection().getConnection().prepareStatement(insertSql());
    } catch (SQLException | RuntimeException e) {
      gpkg.close();
      throw new IOException("cannot create the GeoPackage: " + e.getMessage(), e);
    }
  }

  /**
   * Rows go in as batches of one prepared statement on the library's own connection (its per-row DAO is ~20x
   * slower). Names are the table and columns the library just created, quoted; values are parameters.
   */
  private String insertSql() {
    StringBuilder names = new StringBuilder();
    StringBuilder marks = new StringBuilder();
    for (ExportField f : layout.fields()) {
      names.append(quote(name(f))).append(", ");
      marks.append("?, ");
    }
    return "INSERT INTO " + quote(layout.collection().id()) + " (" + names + "\"geom\") VALUES (" + marks + "?)";
  }

  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  private static String name(ExportField f) {
    return f.fromAttrs() ? f.labelZh() : f.key();
  }

  private SpatialReferenceSystem srs() throws SQLException {
    if (crs.epsg() == 4326) {
      return gpkg.getSpatialReferenceSystemDao().getOrCreateCode("EPSG", 4326);
    }
    SpatialReferenceSystem srs = new SpatialReferenceSystem();
    srs.setSrsName(crs.label());
    srs.setSrsId(crs.epsg());
    srs.setOrganization("EPSG");
    srs.setOrganizationCoordsysId(crs.epsg());
    srs.setDefinition(crs.prj());
    srs.setDescription(crs.label());
    gpkg.getSpatialReferenceSystemDao().create(srs);
    return srs;
  }

  @Override
  public void write(ExportRow row) throws IOException {
    try {
      int i = 1;
      for (ExportField f : layout.fields()) {
        Object v = f.key().equals("id") ? row.id() : row.values().get(f.key());
        insert.setObject(i++, v == null ? null : switch (f.type()) {
          case INTEGER -> v instanceof Number n ? n.longValue() : null;
          case DOUBLE -> v instanceof Number n ? n.doubleValue() : null;
          case BOOLEAN -> v instanceof Boolean b ? (b ? 1 : 0) : null;
          default -> v.toString();
        });
      }
      Geometry g = crs.fromStored(row.geometry());
      insert.setBytes(i, g == null ? null : GeoPackageGeometryData.createAndBuildEnvelope(srsId,
          GeoPackageGeometryData.createGeometryFromWkb(Geometries.toWkb(g))).toBytes());
      insert.addBatch();
      if (++rows % BATCH == 0) {
        insert.executeBatch();
        gpkg.endAndBeginTransaction();
      }
    } catch (SQLException e) {
      throw new IOException("cannot write the GeoPackage: " + e.getMessage(), e);
    }
  }

  @Override
  public void finish() throws IOException {
    try {
      insert.executeBatch();
      insert.close();
    } catch (SQLException e) {
      throw new IOException("cannot write the GeoPackage: " + e.getMessage(), e);
    }
    gpkg.endTransaction(true);
    gpkg.close();
    closed = true;
    Files.copy(file, out);
    out.flush();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (gpkg.inTransaction()) {
      gpkg.endTransaction(false);
    }
    gpkg.close();
  }
}
