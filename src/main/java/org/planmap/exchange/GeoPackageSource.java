package org.planmap.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.planmap.geo.Geometries;
import org.planmap.web.ApiException;

/** One feature table of a GeoPackage, read with the NGA library; the CRS is the table's EPSG code. */
final class GeoPackageSource implements ImportSource {
  private final Path file;
  private final String table;
  private final Description description;

  private GeoPackageSource(Path file, String name, String table, ExchangeCrs crs, String crsNote, List<String> fields) {
    this.file = file;
    this.table = table;
    this.description = new Description(name, crs, crsNote, "UTF-8", "GeoPackage text is always UTF-8", fields);
  }

  @Override
  public Description description() {
    return description;
  }

  /** One source per feature table of the file. */
  static List<ImportSource> open(Path file, String name) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] magic = in.readNBytes(16);
      if (!new String(magic, StandardCharsets.US_ASCII).startsWith("SQLite format 3")) {
        throw UploadUnpacker.bad(name + " is not a GeoPackage (it is not an SQLite database)");
      }
    }
    GeoPackage gpkg;
    try {
      gpkg = GeoPackageManager.open(file.toFile(), false);
    } catch (RuntimeException e) {
      throw UploadUnpacker.bad(name + " cannot be opened as a GeoPackage; it may be damaged or not a GeoPackage");
    }
    try {
      return sources(gpkg, file, name);
    } catch (ApiException e) {
      throw e;
    } catch (RuntimeException e) {
      throw damaged(name, e);
    } finally {
      gpkg.close();
    }
  }

  /**
   * The NGA library and SQLite report a damaged file with their own runtime exceptions, whose messages hold SQL and
   * class names: the planner is told what it means, not what the library said.
   */
  static ApiException damaged(String name, RuntimeException e) {
    return UploadUnpacker.bad(name + " cannot be read as a GeoPackage; it may be damaged or cut short");
  }

  private static List<ImportSource> sources(GeoPackage gpkg, Path file, String name) {
    List<String> tables;
    try {
      tables = gpkg.getFeatureTables();
    } catch (RuntimeException e) {
      throw UploadUnpacker.bad(name + " is not a GeoPackage: it has no readable list of layers (gpkg_contents)");
    }
    if (tables.isEmpty()) {
      throw UploadUnpacker.bad(name + " has no feature table");
    }
    return tables.stream().map(t -> {
      FeatureDao dao = gpkg.getFeatureDao(t);
      SpatialReferenceSystem srs = dao.getSrs();
      ExchangeCrs crs = null;
      String note;
      try {
        crs = new ExchangeCrs((int) srs.getOrganizationCoordsysId());
        note = "from the GeoPackage (" + srs.getOrganization() + ":" + srs.getOrganizationCoordsysId() + ")";
      } catch (RuntimeException e) {
        note = "the GeoPackage names " + srs.getOrganization() + ":" + srs.getOrganizationCoordsysId()
            + ", which Planmap does not know";
      }
      List<String> cols = Arrays.stream(dao.getColumnNames())
          .filter(c -> !c.equals(dao.getGeometryColumnName()) && !c.equals(dao.getPkColumnName())).toList();
      return (ImportSource) new GeoPackageSource(file, name + ":" + t, t, crs, note, cols);
    }).toList();
  }

  @Override
  public void read(Consumer<Feature> sink) {
    GeoPackage gpkg;
    FeatureResultSet rs;
    try {
      gpkg = GeoPackageManager.open(file.toFile(), false);
    } catch (RuntimeException e) {
      throw damaged(name(), e);
    }
    try {
      try {
        rs = gpkg.getFeatureDao(table).queryForAll();
      } catch (RuntimeException e) {
        throw damaged(name(), e);
      }
      try {
        WKBReader wkb = new WKBReader(Geometries.FACTORY);
        for (long n = 1; ; n++) {
          Feature f;
          try {
            if (!rs.moveToNext()) {
              break;
            }
            f = feature(rs.getRow(), n, wkb);
          } catch (ApiException e) {
            throw e;
          } catch (RuntimeException e) {
            throw damaged(name(), e);
          }
          sink.accept(f);
        }
      } finally {
        rs.close();
      }
    } finally {
      gpkg.close();
    }
  }

  private Feature feature(FeatureRow row, long n, WKBReader wkb) {
    Map<String, Object> props = new LinkedHashMap<>();
    for (String c : fields()) {
      props.put(c, row.getValue(c));
    }
    GeoPackageGeometryData gd = row.getGeometry();
    Geometry g = null;
    if (gd != null && gd.getGeometry() != null) {
      try {
        g = wkb.read(gd.getWkb());
      } catch (ParseException | IOException e) {
        throw UploadUnpacker.bad(name() + ", feature " + n + ": unreadable geometry");
      }
    }
    return new Feature(n, props, g);
  }
}
