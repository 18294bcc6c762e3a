package org.planmap.boundary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.planmap.geo.Geometries;
import org.planmap.geodata.FeatureRecord;

/**
 * Turns features of {@code geodata/boundaries} (adcode, name, prefecture, seat_lon, seat_lat, source) into
 * territory features: id = adcode, kind city or county, position accuracy {@code boundary-data}.
 */
public final class CountyBoundaries {
  private CountyBoundaries() {}

  public record Mapped(List<FeatureRecord> features, Map<String, Geometry> seats) {}

  public static Mapped map(List<FeatureRecord> in, String sourceFile) {
    List<FeatureRecord> out = new ArrayList<>();
    Map<String, Geometry> seats = new LinkedHashMap<>();
    for (FeatureRecord f : in) {
      Map<String, Object> p = f.properties();
      Object adcode = p.getOrDefault("adcode", f.id());
      if (adcode == null || p.get("name") == null) {
        throw new IllegalArgumentException(sourceFile + ": every boundary needs adcode and name");
      }
      String id = adcode.toString();
      String name = p.get("name").toString();
      Map<String, Object> props = new LinkedHashMap<>();
      props.put("name", name);
      props.put("kind", name.endsWith("市") ? "city" : "county");
      props.put("adcode", id);
      props.put("position_accuracy", "boundary-data");
      String source = String.valueOf(p.getOrDefault("source", sourceFile));
      props.put("source_doc", source.contains(":") ? source.substring(0, source.indexOf(':')) : source);
      props.put("source", source);
      props.put("prefecture", p.get("prefecture"));
      out.add(new FeatureRecord(id, props, f.geometry()));
      if (p.get("seat_lon") instanceof Number lon && p.get("seat_lat") instanceof Number lat) {
        seats.put(id, Geometries.FACTORY.createPoint(new Coordinate(lon.doubleValue(), lat.doubleValue())));
      }
    }
    return new Mapped(out, seats);
  }
}
