package org.planmap.backup;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;

/** Geometry as WKB, keeping Z when a geometry has it (the stores hold 2D lon/lat; imports may bring Z). */
final class BackupValues {
  private BackupValues() {}

  static byte[] wkb(Geometry g) {
    return wkb(g, ByteOrderValues.LITTLE_ENDIAN);
  }

  static byte[] wkb(Geometry g, int byteOrder) {
    Coordinate c = g.getCoordinate();
    int dims = c != null && !Double.isNaN(c.getZ()) ? 3 : 2;
    return new WKBWriter(dims, byteOrder).write(g);
  }
}
