package org.planmap.generate;

import java.util.List;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;

/** A plan's territory as its prepared county/city outlines. */
record Territory(List<PreparedGeometry> outlines) {
  boolean contains(Point p) {
    for (PreparedGeometry g : outlines) {
      if (g.contains(p)) {
        return true;
      }
    }
    return false;
  }
}
