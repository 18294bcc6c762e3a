package org.planmap.geo;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.PolygonArea;
import net.sf.geographiclib.PolygonResult;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Ellipsoidal area on WGS84 with GeographicLib — the figure PostGIS gives for {@code ST_Area(geom::geography)} and
 * the one official Chinese areas use (CGCS2000 differs from WGS84 by far less than the rounding of 亩).
 */
public final class GeodesicArea {
  public static final double M2_PER_HECTARE = 10_000;
  public static final double M2_PER_MU = 10_000.0 / 15;

  private GeodesicArea() {}

  /** Area in square metres of a (multi)polygon in lon/lat; 0 for other geometry types. */
  public static double squareMetres(Geometry g) {
    double total = 0;
    for (int i = 0; i < g.getNumGeometries(); i++) {
      if (g.getGeometryN(i) instanceof Polygon p) {
        total += ring(p.getExteriorRing());
        for (int h = 0; h < p.getNumInteriorRing(); h++) {
          total -= ring(p.getInteriorRingN(h));
        }
      }
    }
    return total;
  }

  private static double ring(LineString ring) {
    PolygonArea area = new PolygonArea(Geodesic.WGS84, false);
    Coordinate[] cs = ring.getCoordinates();
    for (int i = 0; i < cs.length - 1; i++) {
      area.AddPoint(cs[i].y, cs[i].x);
    }
    PolygonResult r = area.Compute(false, true);
    return Math.abs(r.area);
  }

  /** An area in the units Chinese planners report. */
  public record Areas(double squareMetres, double hectares, double mu) {
    public static Areas of(double m2) {
      return new Areas(m2, m2 / M2_PER_HECTARE, m2 / M2_PER_MU);
    }
  }
}
