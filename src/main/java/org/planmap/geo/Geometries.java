package org.planmap.geo;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

/** The geometry kernel: WKB to and from the database, GeoJSON in and out, repair. All EPSG:4326 lon/lat. */
public final class Geometries {
  public static final int WGS84 = 4326;
  public static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), WGS84);
  /** 8 decimals of a degree are about 1 mm: enough to keep survey-grade coordinates. */
  private static final int GEOJSON_DECIMALS = 8;

  private Geometries() {}

  public static Geometry fromWkb(byte[] wkb) {
    if (wkb == null) {
      return null;
    }
    try {
      Geometry g = new WKBReader(FACTORY).read(wkb);
      g.setSRID(WGS84);
      return g;
    } catch (ParseException e) {
      throw new IllegalStateException("the database returned unreadable WKB", e);
    }
  }

  public static byte[] toWkb(Geometry g) {
    return g == null ? null : new WKBWriter(2).write(g);
  }

  /** Parses a GeoJSON geometry object; throws {@link IllegalArgumentException} with a readable reason. */
  public static Geometry fromGeoJson(String json) {
    try {
      Geometry g = new GeoJsonReader(FACTORY).read(json);
      g.setSRID(WGS84);
      return g;
    } catch (ParseException | RuntimeException e) {
      throw new IllegalArgumentException("not a GeoJSON geometry: " + e.getMessage(), e);
    }
  }

  public static String toGeoJson(Geometry g) {
    GeoJsonWriter writer = new GeoJsonWriter(GEOJSON_DECIMALS);
    writer.setEncodeCRS(false);
    return writer.write(g);
  }

  /** Returns the geometry itself when valid, else a repaired copy (JTS GeometryFixer keeps all area). */
  public static Geometry valid(Geometry g) {
    if (g == null || g.isValid()) {
      return g;
    }
    Geometry fixed = GeometryFixer.fix(g);
    fixed.setSRID(WGS84);
    return fixed;
  }
}
