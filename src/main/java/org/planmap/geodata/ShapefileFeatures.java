package org.planmap.geodata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.h2.value.Value;
import org.h2.value.ValueGeometry;
import org.h2.value.ValueNull;
import org.h2gis.functions.io.dbf.internal.DbaseFileHeader;
import org.h2gis.functions.io.shp.internal.SHPDriver;
import org.locationtech.jts.geom.Geometry;
import org.planmap.geo.Geometries;

/**
 * Reads a shapefile with the H2GIS driver. The encoding comes from the {@code .cpg} file, else UTF-8.
 * DBF field names are at most 10 characters, so a few are mapped back to Planmap's property names.
 */
public final class ShapefileFeatures {
  private static final Map<String, String> FIELD_NAMES = Map.ofEntries(
      Map.entry("src_doc", "source_doc"), Map.entry("src_line", "source_line"),
      Map.entry("src_text", "source_text"), Map.entry("pos_acc", "position_accuracy"),
      Map.entry("loc_text", "location_text"), Map.entry("outside", "outside_territory"),
      // the names ogr2ogr and ArcGIS make by cutting at 10 characters
      Map.entry("source_lin", "source_line"), Map.entry("source_tex", "source_text"),
      Map.entry("position_a", "position_accuracy"), Map.entry("location_t", "location_text"),
      Map.entry("outside_te", "outside_territory"), Map.entry("other_line", "other_lines"));

  private ShapefileFeatures() {}

  public static List<FeatureRecord> read(Path shp) throws IOException {
    SHPDriver driver = new SHPDriver();
    driver.initDriverFromFile(shp.toFile(), encodingOf(shp));
    try {
      DbaseFileHeader header = driver.getDbaseFileHeader();
      int geometryIndex = driver.getGeometryFieldIndex();
      List<FeatureRecord> out = new ArrayList<>();
      for (long row = 0; row < driver.getRowCount(); row++) {
        Map<String, Object> props = new LinkedHashMap<>();
        Geometry geometry = null;
        int dbfField = 0;
        for (int col = 0; col < driver.getFieldCount(); col++) {
          Value v = driver.getField(row, col);
          if (col == geometryIndex) {
            geometry = v instanceof ValueGeometry g ? g.getGeometry() : null;
            continue;
          }
          String name = header.getFieldName(dbfField++).toLowerCase();
          props.put(FIELD_NAMES.getOrDefault(name, name), toJava(v));
        }
        if (geometry != null) {
          geometry.setSRID(Geometries.WGS84);
        }
        Object id = props.remove("id");
        out.add(new FeatureRecord(id == null ? null : id.toString().trim(), props, geometry));
      }
      return out;
    } finally {
      driver.close();
    }
  }

  private static String encodingOf(Path shp) throws IOException {
    String base = shp.getFileName().toString().replaceFirst("(?i)\\.shp$", "");
    Path cpg = shp.resolveSibling(base + ".cpg");
    if (Files.exists(cpg)) {
      String declared = Files.readString(cpg, StandardCharsets.US_ASCII).trim();
      return declared.equalsIgnoreCase("GBK") ? "cp936" : declared;
    }
    return "UTF-8";
  }

  private static Object toJava(Value v) {
    if (v == null || v == ValueNull.INSTANCE) {
      return null;
    }
    return switch (v.getValueType()) {
      case Value.TINYINT, Value.SMALLINT, Value.INTEGER, Value.BIGINT -> v.getLong();
      case Value.NUMERIC, Value.REAL, Value.DOUBLE, Value.DECFLOAT -> v.getDouble();
      case Value.BOOLEAN -> v.getBoolean();
      default -> v.getString();
    };
  }
}
