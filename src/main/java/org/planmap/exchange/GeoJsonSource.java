package org.planmap.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Geometry;
import org.planmap.geo.Geometries;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A GeoJSON FeatureCollection. RFC 7946 GeoJSON is WGS84 lon/lat; the pre-2016 {@code crs} member naming an EPSG
 * code (as QGIS and ogr2ogr still write for other CRSs) is honoured.
 */
final class GeoJsonSource implements ImportSource {
  private static final Pattern EPSG = Pattern.compile("EPSG:{1,2}(\\d+)$");
  private final Path file;
  private final JsonNode root;
  private final Description description;

  GeoJsonSource(Path file, String name, ObjectMapper json) throws IOException {
    this.file = file;
    try (InputStream in = Files.newInputStream(file)) {
      this.root = json.readTree(in);
    } catch (JacksonException e) {
      throw UploadUnpacker.bad(name + " is not valid JSON (" + e.getOriginalMessage() + "); it may be cut short");
    }
    if (root == null || !"FeatureCollection".equals(root.path("type").asString(""))) {
      throw UploadUnpacker.bad(name + " is JSON but not a GeoJSON FeatureCollection");
    }
    String named = root.path("crs").path("properties").path("name").asString("");
    Matcher m = EPSG.matcher(named);
    ExchangeCrs crs;
    String crsNote;
    if (named.isEmpty() || named.endsWith("CRS84")) {
      crs = ExchangeCrs.WGS84;
      crsNote = "GeoJSON is WGS84 longitude/latitude (RFC 7946)";
    } else if (m.find()) {
      crs = ExchangeCrs.parse(m.group(1));
      crsNote = "from the file's crs member (" + named + ")";
    } else {
      crs = null;
      crsNote = "the file's crs member names '" + named + "', which Planmap does not know";
    }
    Set<String> keys = new LinkedHashSet<>();
    root.path("features").forEach(f -> f.path("properties").propertyNames().forEach(keys::add));
    this.description = new Description(name, crs, crsNote, "UTF-8", "GeoJSON is always UTF-8", new ArrayList<>(keys));
  }

  @Override
  public Description description() {
    return description;
  }

  @Override
  public void read(Consumer<Feature> sink) {
    long n = 0;
    for (JsonNode f : root.path("features")) {
      n++;
      Map<String, Object> props = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : f.path("properties").properties()) {
        JsonNode v = e.getValue();
        props.put(e.getKey(), v.isNull() ? null : v.isNumber() ? v.numberValue() : v.isBoolean() ? v.asBoolean()
            : v.isString() ? v.asString() : v.toString());
      }
      if (!f.path("id").isMissingNode() && !f.path("id").isNull() && !props.containsKey("id")) {
        props.put("id", f.path("id").asString());
      }
      JsonNode g = f.path("geometry");
      Geometry geometry;
      try {
        geometry = g.isMissingNode() || g.isNull() ? null : Geometries.fromGeoJson(g.toString());
      } catch (IllegalArgumentException e) {
        throw UploadUnpacker.bad(name() + ", feature " + n + ": " + e.getMessage());
      }
      sink.accept(new Feature(n, props, geometry));
    }
  }

  Path file() {
    return file;
  }
}
