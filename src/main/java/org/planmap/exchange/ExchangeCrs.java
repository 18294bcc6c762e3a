package org.planmap.exchange;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.Proj4jException;
import org.locationtech.proj4j.ProjCoordinate;
import org.planmap.geo.Geometries;
import org.planmap.web.ApiException;

/**
 * The coordinate systems files are exchanged in: WGS84 (EPSG:4326), CGCS2000 (EPSG:4490) and the CGCS2000 3°
 * Gauss-Krüger zones (EPSG:4513-4533 with the zone number in x, 4534-4554 without). Stored lon/lat is taken as
 * CGCS2000 for projection (the two differ by centimetres, as in every Chinese GIS). {@link #prj()} is the ESRI
 * WKT that ArcGIS writes and GDAL/QGIS resolve to the EPSG code.
 */
public record ExchangeCrs(int epsg) {
  private static final CRSFactory CRS = new CRSFactory();
  private static final String GCS_WGS84 = "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\","
      + "6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";
  private static final String GCS_CGCS2000 = "GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\","
      + "DATUM[\"D_China_2000\",SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],"
      + "UNIT[\"Degree\",0.0174532925199433]]";
  public static final ExchangeCrs WGS84 = new ExchangeCrs(4326);
  public static final ExchangeCrs CGCS2000 = new ExchangeCrs(4490);

  public ExchangeCrs {
    if (!(epsg == 4326 || epsg == 4490 || (epsg >= 4513 && epsg <= 4554))) {
      throw ApiException.badRequest("EPSG:" + epsg + " is not offered; use EPSG:4326 (WGS84), EPSG:4490 (CGCS2000)"
          + " or a CGCS2000 3-degree Gauss-Kruger zone (EPSG:4513-4554)");
    }
  }

  /** Parses "4326", "EPSG:4490", "epsg:4538". */
  public static ExchangeCrs parse(String text) {
    String t = text.trim().toUpperCase(Locale.ROOT).replaceFirst("^EPSG:", "");
    try {
      return new ExchangeCrs(Integer.parseInt(t));
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("crs '" + text + "' is not an EPSG code such as EPSG:4490");
    }
  }

  /** The 3° Gauss-Krüger zone (without zone number in x) whose central meridian is nearest the longitude. */
  public static ExchangeCrs gaussKrugerFor(double lon) {
    int zone = (int) Math.round(lon / 3);
    if (zone < 25 || zone > 45) {
      throw ApiException.badRequest("longitude " + lon + " is outside China's Gauss-Kruger zones 25-45");
    }
    return new ExchangeCrs(4534 + zone - 25);
  }

  public boolean projected() {
    return epsg >= 4513;
  }

  /** The 3° zone number (25-45) of a Gauss-Krüger CRS. */
  int zone() {
    return epsg <= 4533 ? epsg - 4513 + 25 : epsg - 4534 + 25;
  }

  double centralMeridian() {
    return zone() * 3.0;
  }

  double falseEasting() {
    return epsg <= 4533 ? zone() * 1_000_000.0 + 500_000.0 : 500_000.0;
  }

  public String label() {
    return switch (epsg) {
      case 4326 -> "WGS 84 (EPSG:4326)";
      case 4490 -> "CGCS2000 (EPSG:4490)";
      default -> "CGCS2000 3-degree Gauss-Kruger " + (epsg <= 4533 ? "zone " + zone() : "CM " + (int) centralMeridian() + "E")
          + " (EPSG:" + epsg + ")";
    };
  }

  /** The ESRI WKT of the {@code .prj} file. */
  public String prj() {
    if (epsg == 4326) {
      return GCS_WGS84;
    }
    if (epsg == 4490) {
      return GCS_CGCS2000;
    }
    String name = epsg <= 4533 ? "CGCS2000_3_Degree_GK_Zone_" + zone()
        : "CGCS2000_3_Degree_GK_CM_" + (int) centralMeridian() + "E";
    return "PROJCS[\"" + name + "\"," + GCS_CGCS2000 + ",PROJECTION[\"Gauss_Kruger\"],PARAMETER[\"False_Easting\","
        + falseEasting() + "],PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\"," + centralMeridian()
        + "],PARAMETER[\"Scale_Factor\",1.0],PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";
  }

  /** Projects stored lon/lat (EPSG:4326) geometry into this CRS; a copy, the input is untouched. */
  public Geometry fromStored(Geometry g) {
    if (g == null || !projected()) {
      return g;
    }
    return transform(g, transform(4490, epsg), false, this);
  }

  /**
   * Brings geometry in this CRS back to stored lon/lat (EPSG:4326): a copy, or the input itself (its SRID set) when
   * it is lon/lat already.
   */
  public Geometry toStored(Geometry g) {
    if (g == null) {
      return null;
    }
    if (!projected()) {
      g.setSRID(Geometries.WGS84);
      return g;
    }
    return transform(g, transform(epsg, 4490), true, this);
  }

  /** Parsed CRSs are shared; transforms keep scratch state, so each thread has its own. */
  private static final Map<Integer, CoordinateReferenceSystem> PARSED = new ConcurrentHashMap<>();
  private static final ThreadLocal<Map<Long, CoordinateTransform>> TRANSFORMS = ThreadLocal.withInitial(HashMap::new);

  private static CoordinateTransform transform(int from, int to) {
    return TRANSFORMS.get().computeIfAbsent(((long) from << 32) | to, k -> new CoordinateTransformFactory()
        .createTransform(crs(from), crs(to)));
  }

  private static CoordinateReferenceSystem crs(int epsg) {
    return PARSED.computeIfAbsent(epsg, e -> CRS.createFromName("EPSG:" + e));
  }

  /**
   * Converts every coordinate; one that the projection cannot convert (outside the zone's domain, infinite, not a
   * number: proj4j throws or answers a non-finite value) is refused in words with the coordinate, never a 500.
   */
  private static Geometry transform(Geometry g, CoordinateTransform t, boolean toStored, ExchangeCrs crs) {
    Geometry copy = Geometries.FACTORY.createGeometry(g);
    ProjCoordinate in = new ProjCoordinate();
    ProjCoordinate out = new ProjCoordinate();
    copy.apply(new CoordinateSequenceFilter() {
      @Override
      public void filter(CoordinateSequence seq, int i) {
        in.x = seq.getX(i);
        in.y = seq.getY(i);
        try {
          t.transform(in, out);
        } catch (Proj4jException e) {
          out.x = Double.NaN;
        }
        if (!Double.isFinite(out.x) || !Double.isFinite(out.y)) {
          throw ApiException.badRequest(toStored
              ? "the coordinate " + in.x + ", " + in.y + " cannot be read in " + crs.label() + ": it lies outside where"
                  + " that coordinate system is defined. Check the coordinates, or the .prj / the coordinate system"
                  + " you chose"
              : "a feature at longitude " + in.x + ", latitude " + in.y + " cannot be projected to " + crs.label()
                  + ": it lies too far outside that zone. Choose the zone of the features, or CGCS2000 lon/lat");
        }
        seq.setOrdinate(i, 0, out.x);
        seq.setOrdinate(i, 1, out.y);
      }

      @Override
      public boolean isDone() {
        return false;
      }

      @Override
      public boolean isGeometryChanged() {
        return true;
      }
    });
    copy.geometryChanged();
    copy.setSRID(toStored ? Geometries.WGS84 : 0);
    return copy;
  }

  private static final Pattern AUTHORITY = Pattern.compile("AUTHORITY\\[\"EPSG\",\\s*\"?(\\d+)\"?\\]\\s*\\]\\s*$");
  private static final Pattern PARAM = Pattern.compile("PARAMETER\\[\"([^\"]+)\",\\s*([-0-9.eE+]+)\\]");

  /**
   * Recognises a {@code .prj}: ESRI WKT as ArcGIS writes it (GCS_WGS_1984, GCS_China_Geodetic_Coordinate_System_2000,
   * CGCS2000_3_Degree_GK_CM_87E / _Zone_29) or OGC WKT with an EPSG authority.
   *
   * @return the CRS, or null when the text names none Planmap knows
   */
  public static ExchangeCrs fromPrj(String wkt) {
    String w = wkt.trim();
    Matcher auth = AUTHORITY.matcher(w);
    if (auth.find()) {
      try {
        return new ExchangeCrs(Integer.parseInt(auth.group(1)));
      } catch (ApiException | NumberFormatException e) { // a code Planmap does not offer, or too long for a number
        return null;
      }
    }
    String u = w.toUpperCase(Locale.ROOT);
    boolean cgcs = u.contains("CHINA_2000") || u.contains("CGCS2000") || u.contains("CHINA GEODETIC COORDINATE SYSTEM 2000")
        || u.contains("CHINA_GEODETIC_COORDINATE_SYSTEM_2000");
    boolean wgs = u.contains("WGS_1984") || u.contains("WGS 84") || u.contains("WGS84");
    if (u.startsWith("GEOGCS") || u.startsWith("GEOGCRS")) {
      return cgcs ? CGCS2000 : wgs ? WGS84 : null;
    }
    if (!cgcs || !(u.contains("GAUSS_KRUGER") || u.contains("TRANSVERSE_MERCATOR") || u.contains("GAUSS-KRUGER"))) {
      return null;
    }
    Double cm = null;
    Double fe = null;
    Double k = 1.0;
    Matcher p = PARAM.matcher(w);
    while (p.find()) {
      String name = p.group(1).toLowerCase(Locale.ROOT);
      double v;
      try {
        v = Double.parseDouble(p.group(2));
      } catch (NumberFormatException e) {
        return null; // e.g. "1.2.3" or "-": not a parameter value, so not a CRS Planmap knows
      }
      if (name.equals("central_meridian")) {
        cm = v;
      } else if (name.equals("false_easting")) {
        fe = v;
      } else if (name.equals("scale_factor")) {
        k = v;
      }
    }
    if (cm == null || fe == null || Math.abs(k - 1.0) > 1e-12 || Math.abs(cm / 3 - Math.round(cm / 3)) > 1e-9) {
      return null;
    }
    int zone = (int) Math.round(cm / 3);
    if (zone < 25 || zone > 45) {
      return null;
    }
    if (Math.abs(fe - 500_000) < 1e-6) {
      return new ExchangeCrs(4534 + zone - 25);
    }
    if (Math.abs(fe - (zone * 1_000_000.0 + 500_000)) < 1e-6) {
      return new ExchangeCrs(4513 + zone - 25);
    }
    return null;
  }
}
