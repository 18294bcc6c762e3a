package org.planmap.edit;

import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.planmap.geo.Geometries;
import org.planmap.plan.CollectionSpec;
import org.planmap.plan.PlanCollections;
import org.planmap.web.ApiException;
import tools.jackson.databind.JsonNode;

/** Rules every edited geometry obeys: the right type for its collection, finite lon/lat, valid and simple, bounded. */
public final class GeometryRules {
  /** The most vertices one feature may have (edits and imports). */
  public static final int MAX_VERTICES = 100_000;
  private static final Map<String, Set<String>> TYPES = Map.of(
      PlanCollections.PARCELS.id(), Set.of("Polygon"),
      PlanCollections.PARKS.id(), Set.of("Polygon", "MultiPolygon", "Point"),
      PlanCollections.PROJECTS.id(), Set.of("Point"),
      PlanCollections.ROUTES.id(), Set.of("LineString"),
      PlanCollections.ROUTE_STOPS.id(), Set.of("Point"));

  private GeometryRules() {}

  public static Set<String> editable() {
    return TYPES.keySet();
  }

  /** Parses and checks a GeoJSON geometry for a collection; null stays null (unlocated) where allowed. */
  public static Geometry parse(CollectionSpec c, JsonNode geojson) {
    if (geojson == null || geojson.isNull() || geojson.isMissingNode()) {
      if (c == PlanCollections.PARCELS) {
        throw ApiException.unprocessable("needs_polygon", "a parcel needs a polygon", null);
      }
      return null;
    }
    Geometry g;
    try {
      g = Geometries.fromGeoJson(geojson.toString());
    } catch (IllegalArgumentException e) {
      throw ApiException.unprocessable("bad_geojson", "the geometry is not valid GeoJSON: " + e.getMessage(), null);
    }
    if (!TYPES.get(c.id()).contains(g.getGeometryType())) {
      throw ApiException.unprocessable("wrong_geometry_type", c.id() + " take " + TYPES.get(c.id()) + ", not " + g.getGeometryType(), null);
    }
    if (g.getNumPoints() > MAX_VERTICES) {
      throw ApiException.unprocessable("too_many_vertices", "the geometry has " + g.getNumPoints() + " vertices; at most " + MAX_VERTICES
          + " are accepted", null);
    }
    for (Coordinate xy : g.getCoordinates()) {
      if (!Double.isFinite(xy.x) || !Double.isFinite(xy.y) || Math.abs(xy.x) > 180 || Math.abs(xy.y) > 90) {
        throw ApiException.unprocessable("bad_coordinates", "coordinates must be longitude/latitude in degrees (WGS84/CGCS2000)",
            Double.isFinite(xy.x) && Double.isFinite(xy.y) ? new double[] {xy.x, xy.y} : null);
      }
    }
    TopologyValidationError error = new IsValidOp(g).getValidationError();
    if (error != null) {
      Coordinate at = error.getCoordinate();
      throw ApiException.unprocessable("invalid_geometry", "the shape is not valid: " + error.getMessage(), new double[] {at.x, at.y});
    }
    if (g.isEmpty()) {
      throw ApiException.unprocessable("empty_geometry", "the geometry is empty", null);
    }
    return g;
  }
}
