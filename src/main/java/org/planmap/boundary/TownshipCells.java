package org.planmap.boundary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;
import org.planmap.geo.Geometries;

/**
 * Schematic township areas: the Voronoi cells of the township seats, clipped to their county. No township
 * boundaries exist in any obtainable source (shared/docs/domain.md §2), so these are labelled schematic.
 */
public final class TownshipCells {
  private TownshipCells() {}

  /**
   * @param county the county boundary
   * @param seats township seats by territory id (only those inside the county are used)
   * @return a cell per seat inside the county, by territory id
   */
  public static Map<String, Geometry> cells(Geometry county, Map<String, Point> seats) {
    Map<String, Point> inside = new LinkedHashMap<>();
    seats.forEach((id, p) -> {
      if (county.covers(p)) {
        inside.put(id, p);
      }
    });
    Map<String, Geometry> out = new LinkedHashMap<>();
    if (inside.isEmpty()) {
      return out;
    }
    if (inside.size() == 1) {
      out.put(inside.keySet().iterator().next(), county.copy());
      return out;
    }
    VoronoiDiagramBuilder builder = new VoronoiDiagramBuilder();
    List<org.locationtech.jts.geom.Coordinate> sites = new ArrayList<>();
    inside.values().forEach(p -> sites.add(p.getCoordinate()));
    builder.setSites(sites);
    Envelope clip = new Envelope(county.getEnvelopeInternal());
    clip.expandBy(1.0);
    builder.setClipEnvelope(clip);
    Geometry diagram = builder.getDiagram(Geometries.FACTORY);
    for (int i = 0; i < diagram.getNumGeometries(); i++) {
      Geometry cell = diagram.getGeometryN(i);
      for (Map.Entry<String, Point> e : inside.entrySet()) {
        if (!out.containsKey(e.getKey()) && cell.covers(e.getValue())) {
          Geometry clipped = Geometries.valid(cell.intersection(county));
          clipped.setSRID(Geometries.WGS84);
          out.put(e.getKey(), clipped);
          break;
        }
      }
    }
    return out;
  }
}
