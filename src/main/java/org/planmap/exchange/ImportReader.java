package org.planmap.exchange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.planmap.plan.CollectionSpec;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/** Turns an upload into layers and their preview: unpack, recognise each file, read it once. */
@Component
class ImportReader {
  private final ExchangeProperties props;
  private final ObjectMapper json;

  ImportReader(ExchangeProperties props, ObjectMapper json) {
    this.props = props;
    this.json = json;
  }

  /** The layers of an upload and what a read of them found. */
  record Read(List<ImportLayer> layers, ImportInspector.Stats stats, List<String> fields,
      Map<String, String> fieldTable) {

    ImportPreview preview(String id, CollectionSpec c, String fileName) {
      List<ImportPreview.Field> fs = new ArrayList<>();
      for (String f : fields) {
        Object v = stats.firstValues.get(f);
        fs.add(new ImportPreview.Field(f, v == null ? "empty" : v instanceof Number ? "number"
            : v instanceof Boolean ? "boolean" : "text", v));
      }
      List<ImportPreview.Layer> ls = layers.stream().map(l -> new ImportPreview.Layer(l.source().name(),
          stats.perLayer.getOrDefault(l.source().name(), 0L), l.crs().label(), l.crsNote(), l.source().encoding(),
          l.source().encodingNote())).toList();
      double[] extent = stats.extent.isNull() ? null : new double[] {stats.extent.getMinX(), stats.extent.getMinY(),
          stats.extent.getMaxX(), stats.extent.getMaxY()};
      return new ImportPreview(id, c.id(), fileName, ls, stats.count, fs, extent, stats.types,
          stats.withoutGeometry, stats.invalid, stats.invalidExamples, stats.samples,
          ImportMapping.suggest(c, fields, fieldTable), ImportMapping.targets(c), ImportInspector.problems(stats, c));
    }
  }

  Read read(Path upload, String name, Path dir, CollectionSpec c, ImportUpload request) throws IOException {
    List<Path> files = new UploadUnpacker(props).unpack(upload, name, dir);
    Files.deleteIfExists(upload);
    Map<String, String> fieldTable = new HashMap<>();
    List<ImportSource> sources = sources(files, name, request.encoding(), fieldTable);
    ImportInspector inspector = new ImportInspector(props.previewRows(), props.maxImportFeatures());
    List<ImportLayer> layers = inspector.layers(sources, request.crs());
    ImportInspector.Stats stats = inspector.inspect(layers, c);
    Set<String> fields = new LinkedHashSet<>();
    sources.forEach(s -> fields.addAll(s.fields()));
    return new Read(layers, stats, new ArrayList<>(fields), fieldTable);
  }

  private List<ImportSource> sources(List<Path> files, String name, String encoding, Map<String, String> fieldTable)
      throws IOException {
    List<ImportSource> out = new ArrayList<>();
    Map<String, Path> byBase = new LinkedHashMap<>();
    for (Path p : files) {
      String fn = p.getFileName().toString();
      byBase.putIfAbsent(p.getParent().resolve(fn.replaceFirst("\\.[^.]+$", "").toLowerCase()) + "|"
          + UploadUnpacker.extension(fn), p);
    }
    for (Path p : files) {
      String fn = p.getFileName().toString();
      String ext = UploadUnpacker.extension(fn);
      String base = p.getParent().resolve(fn.replaceFirst("\\.[^.]+$", "").toLowerCase()).toString();
      String shown = files.size() == 1 ? name : fn;
      switch (ext) {
        case "shp" -> out.add(new ShapefileSource(p, encoding));
        case "dbf" -> {
          if (!byBase.containsKey(base + "|shp")) {
            out.add(new ShapefileSource(p, encoding));
          }
        }
        case "shx", "prj", "cpg" -> {
          if (!byBase.containsKey(base + "|shp") && !(ext.equals("cpg") && byBase.containsKey(base + "|dbf"))) {
            throw UploadUnpacker.bad("'" + fn + "' has no .shp beside it; a shapefile needs its .shp, .shx and .dbf");
          }
        }
        case "geojson", "json" -> out.add(new GeoJsonSource(p, shown, json));
        case "gpkg" -> out.addAll(GeoPackageSource.open(p, shown));
        case "kml" -> out.add(new KmlSource(p, shown));
        case "csv" -> readFieldTable(p, fieldTable);
        default -> { }
      }
    }
    if (out.isEmpty()) {
      throw UploadUnpacker.bad("'" + name + "' holds no shapefile (.shp), GeoJSON, GeoPackage or KML layer");
    }
    return out;
  }

  /** Planmap's own field table ({@code *_fields.csv}): short DBF name → full name, to map fields back. */
  private static void readFieldTable(Path p, Map<String, String> out) throws IOException {
    if (p.getFileName().toString().endsWith("_fields.csv")) {
      out.putAll(FieldTable.read(p));
    }
  }

}
