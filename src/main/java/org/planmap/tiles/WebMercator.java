package org.planmap.tiles;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/** Spherical Web Mercator (EPSG:3857), the projection of XYZ tiles, to and from lon/lat. */
final class WebMercator {
  static final double RADIUS = 6378137.0;
  static final double HALF = Math.PI * RADIUS;
  static final double WORLD = 2 * HALF;
  private static final double MAX_LAT = 85.0511287798066;

  private WebMercator() {}

  static double x(double lon) {
    return Math.toRadians(lon) * RADIUS;
  }

  static double y(double lat) {
    double clamped = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat));
    return Math.log(Math.tan(Math.PI / 4 + Math.toRadians(clamped) / 2)) * RADIUS;
  }

  static double lon(double x) {
    return Math.toDegrees(x / RADIUS);
  }

  static double lat(double y) {
    return Math.toDegrees(Math.atan(Math.sinh(y / RADIUS)));
  }

  static Envelope toLonLat(Envelope m) {
    return new Envelope(lon(m.getMinX()), lon(m.getMaxX()), lat(m.getMinY()), lat(m.getMaxY()));
  }

  /** A projected copy of a lon/lat geometry. */
  static Geometry project(Geometry lonLat) {
    Geometry g = lonLat.copy();
    g.apply(new CoordinateSequenceFilter() {
      @Override
      public void filter(CoordinateSequence seq, int i) {
        seq.setOrdinate(i, 0, x(seq.getX(i)));
        seq.setOrdinate(i, 1, y(seq.getY(i)));
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
    return g;
  }
}
