package org.planmap.geodata;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.planmap.geo.Geometries;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Reads a GeoJSON FeatureCollection with Jackson (structure) and JTS (geometry). */
public final class GeoJsonFeatures {
  private GeoJsonFeatures() {}

  public static List<FeatureRecord> read(Path file, ObjectMapper json) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(json.readTree(in), json, file.getFileName().toString());
    }
  }

  public static List<FeatureRecord> read(JsonNode root, ObjectMapper json, String where) {
    if (!"FeatureCollection".equals(root.path("type").asString(""))) {
      throw new IllegalArgumentException(where + ": not a GeoJSON FeatureCollection");
    }
    List<FeatureRecord> out = new ArrayList<>();
    int n = 0;
    for (JsonNode f : root.path("features")) {
      n++;
      JsonNode idNode = f.path("id").isMissingNode() || f.path("id").isNull() ? f.path("properties").path("id") : f.path("id");
      String id = idNode.isMissingNode() || idNode.isNull() ? null : idNode.asString();
      @SuppressWarnings("unchecked")
      Map<String, Object> props = f.path("properties").isObject()
          ? json.convertValue(f.path("properties"), LinkedHashMap.class) : new LinkedHashMap<>();
      props.remove("id");
      JsonNode g = f.path("geometry");
      Geometry geometry;
      try {
        geometry = g.isMissingNode() || g.isNull() ? null : Geometries.fromGeoJson(g.toString());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": feature " + n + " (" + id + "): " + e.getMessage(), e);
      }
      out.add(new FeatureRecord(id, props, geometry));
    }
    return out;
  }
}
