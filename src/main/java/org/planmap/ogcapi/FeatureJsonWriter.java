package org.planmap.ogcapi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.planmap.geo.Geometries;
import org.planmap.plan.CollectionSpec;
import org.planmap.plan.Column;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes a feature row as a GeoJSON Feature (RFC 7946, CRS84): typed columns first, then the collection's
 * free attributes. {@code plan_id} is published as {@code plan}.
 */
final class FeatureJsonWriter {
  private final ObjectMapper json;

  FeatureJsonWriter(ObjectMapper json) {
    this.json = json;
  }

  void write(CollectionSpec c, ResultSet rs, JsonGenerator g) throws SQLException {
    g.writeStartObject();
    g.writeStringProperty("type", "Feature");
    g.writeStringProperty("id", rs.getString("id"));
    g.writeName("geometry");
    Geometry geom = Geometries.fromWkb(rs.getBytes("wkb"));
    if (geom == null) {
      g.writeNull();
    } else {
      g.writeRawValue(Geometries.toGeoJson(geom));
    }
    g.writeName("properties");
    g.writeStartObject();
    g.writeStringProperty("name", rs.getString("name"));
    g.writeStringProperty("plan", rs.getString("plan_id"));
    for (Column col : c.columns()) {
      if (!col.name().equals("name")) {
        writeColumn(col, rs, g);
      }
    }
    g.writeNumberProperty("version", rs.getInt("version"));
    if (c.hasColumn("adcode") && Geometries.fromWkb(rs.getBytes("seat_wkb")) instanceof Point seat) {
      g.writeArrayPropertyStart("seat");
      g.writeNumber(seat.getX());
      g.writeNumber(seat.getY());
      g.writeEndArray();
    }
    String attrs = rs.getString("attrs");
    if (attrs != null) {
      for (Map.Entry<String, JsonNode> e : json.readTree(attrs).properties()) {
        g.writeName(e.getKey());
        g.writeTree(e.getValue());
      }
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  private void writeColumn(Column col, ResultSet rs, JsonGenerator g) throws SQLException {
    String name = col.name();
    Object v = rs.getObject(name);
    if (v == null) {
      g.writeNullProperty(name);
      return;
    }
    switch (col.type()) {
      case INTEGER -> g.writeNumberProperty(name, rs.getLong(name));
      case DOUBLE -> g.writeNumberProperty(name, rs.getDouble(name));
      case BOOLEAN -> g.writeBooleanProperty(name, rs.getBoolean(name));
      case JSON -> {
        g.writeName(name);
        g.writeTree(json.readTree(rs.getString(name)));
      }
      default -> g.writeStringProperty(name, rs.getString(name));
    }
  }
}
