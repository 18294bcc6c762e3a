package org.planmap.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Set;
import java.util.stream.Collectors;
import org.planmap.geo.Geometries;
import org.planmap.plan.Column;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;

/**
 * GeoJSON (RFC 7946, lon/lat), streamed: the same properties as the OGC API ({@code plan}, the typed columns,
 * {@code version}, then the free attributes).
 */
final class GeoJsonSink implements ExportSink {
  private final ExportLayout layout;
  private final JsonGenerator g;
  private final Set<String> jsonColumns;

  GeoJsonSink(ExportLayout layout, ObjectMapper json, OutputStream out) {
    this.layout = layout;
    this.jsonColumns = layout.collection().columns().stream().filter(c -> c.type() == Column.Type.JSON)
        .map(Column::name).collect(Collectors.toSet());
    this.g = json.createGenerator(out);
    g.writeStartObject();
    g.writeStringProperty("type", "FeatureCollection");
    g.writeStringProperty("name", layout.collection().id());
    g.writeArrayPropertyStart("features");
  }

  @Override
  public void write(ExportRow row) throws IOException {
    g.writeStartObject();
    g.writeStringProperty("type", "Feature");
    g.writeStringProperty("id", row.id());
    g.writeName("geometry");
    if (row.geometry() == null) {
      g.writeNull();
    } else {
      g.writeRawValue(Geometries.toGeoJson(row.geometry()));
    }
    g.writeName("properties");
    g.writeStartObject();
    for (ExportField f : layout.fields()) {
      if (f.key().equals("id")) {
        continue;
      }
      String name = f.fromAttrs() ? f.labelZh() : f.key().equals("plan_id") ? "plan" : f.key();
      Object v = row.values().get(f.key());
      g.writeName(name);
      if (v == null) {
        g.writeNull();
      } else if (jsonColumns.contains(f.key())) {
        g.writeRawValue(v.toString());
      } else if (v instanceof Number n) {
        g.writePOJO(n);
      } else if (v instanceof Boolean b) {
        g.writeBoolean(b);
      } else {
        g.writeString(v.toString());
      }
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  @Override
  public void finish() {
    g.writeEndArray();
    g.writeEndObject();
    g.close();
  }
}
