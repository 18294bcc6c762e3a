package org.planmap.exchange;

import java.io.IOException;
import java.util.ArrayList;
import org.planmap.edit.GeometryRules;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.planmap.plan.CollectionSpec;
import org.planmap.web.ApiException;
import org.springframework.http.HttpStatus;

/**
 * Reads every feature of an upload once to build its preview: counts, geometry types, validity (of the geometry
 * as it will be stored, in lon/lat, so that the commit need not check again), extent in lon/lat, sample rows and
 * field types from the first {@value #ATTRIBUTE_ROWS} features. Decides each layer's CRS: the file's, else the user's choice, else lon/lat when the
 * coordinates are plainly degrees; a CRS that puts the data outside China is refused as wrong.
 */
final class ImportInspector {
  /** Where Planmap's data can lie: China, generously. */
  private static final Envelope CHINA = new Envelope(70, 140, 2, 56);
  /** Field types and samples come from the first features; beyond them only geometry is read (a DBF is big). */
  static final int ATTRIBUTE_ROWS = 1000;
  private final int previewRows;
  private final long maxFeatures;

  /** @param maxFeatures reading stops, refused, at the first feature beyond this (a GeoPackage view may be endless) */
  ImportInspector(int previewRows, long maxFeatures) {
    this.previewRows = previewRows;
    this.maxFeatures = maxFeatures;
  }

  static final class Stats {
    long count;
    long withoutGeometry;
    long invalid;
    long tooLarge;
    String tooLargeExample;
    final List<String> invalidExamples = new ArrayList<>();
    final Map<String, Long> types = new TreeMap<>();
    final Envelope extent = new Envelope();
    final List<Map<String, Object>> samples = new ArrayList<>();
    final Map<String, Object> firstValues = new LinkedHashMap<>();
    final Map<String, Long> perLayer = new LinkedHashMap<>();
  }

  List<ImportLayer> layers(List<ImportSource> sources, String chosenCrs) throws IOException {
    List<ImportLayer> out = new ArrayList<>();
    for (ImportSource s : sources) {
      if (s.declaredCrs() != null) {
        out.add(new ImportLayer(s, s.declaredCrs(), s.crsNote()));
      } else if (chosenCrs != null && !chosenCrs.isBlank()) {
        out.add(new ImportLayer(s, ExchangeCrs.parse(chosenCrs), "your choice (" + s.crsNote() + ")"));
      } else {
        Envelope e = rawExtent(s);
        if (e.isNull() || (e.getMinX() >= -180 && e.getMaxX() <= 180 && e.getMinY() >= -90 && e.getMaxY() <= 90)) {
          out.add(new ImportLayer(s, ExchangeCrs.WGS84, s.crsNote() + "; the coordinates are degrees, read as WGS84"
              + " longitude/latitude (choose EPSG:4490 if they are CGCS2000)"));
        } else {
          throw UploadUnpacker.bad(s.name() + ": " + s.crsNote() + " and the coordinates are not longitude/latitude"
              + " (e.g. " + (long) e.getMinX() + ", " + (long) e.getMinY() + "); choose the coordinate system, e.g."
              + " crs=EPSG:4538 for CGCS2000 Gauss-Kruger CM 87E");
        }
      }
    }
    return out;
  }

  private Envelope rawExtent(ImportSource s) throws IOException {
    Envelope e = new Envelope();
    long[] n = {0};
    s.readGeometries(0, f -> {
      if (++n[0] > maxFeatures) {
        throw tooMany();
      }
      if (f.geometry() != null) {
        e.expandToInclude(f.geometry().getEnvelopeInternal());
      }
    });
    return e;
  }

  Stats inspect(List<ImportLayer> layers, CollectionSpec c) throws IOException {
    Stats st = new Stats();
    for (ImportLayer l : layers) {
      long before = st.count;
      l.source().readGeometries(ATTRIBUTE_ROWS, f -> {
        if (++st.count > maxFeatures) {
          throw tooMany();
        }
        if (f.properties() != null) {
          if (st.samples.size() < previewRows) {
            st.samples.add(f.properties());
          }
          f.properties().forEach((k, v) -> {
            if (v != null) {
              st.firstValues.putIfAbsent(k, v);
            }
          });
        }
        Geometry g = f.geometry();
        if (g == null || g.isEmpty()) {
          st.withoutGeometry++;
          return;
        }
        st.types.merge(g.getGeometryType(), 1L, Long::sum);
        if (g.getNumPoints() > GeometryRules.MAX_VERTICES) {
          st.tooLarge++;
          st.tooLargeExample = st.tooLargeExample != null ? st.tooLargeExample : l.source().name() + " feature "
              + f.index() + ": " + g.getNumPoints() + " vertices";
        }
        Geometry stored = l.crs().toStored(g);
        TopologyValidationError err = new IsValidOp(stored).getValidationError();
        if (err != null) {
          st.invalid++;
          if (st.invalidExamples.size() < 5) {
            st.invalidExamples.add(l.source().name() + " feature " + f.index() + ": " + err.getMessage() + " at "
                + err.getCoordinate());
          }
        }
        st.extent.expandToInclude(stored.getEnvelopeInternal());
      });
      st.perLayer.put(l.source().name(), st.count - before);
      if (!st.extent.isNull() && !CHINA.contains(st.extent)) {
        throw UploadUnpacker.bad(l.source().name() + ": read in " + l.crs().label() + " (" + l.crsNote() + ") the"
            + " features would lie at longitude " + round(st.extent.getMinX()) + ".." + round(st.extent.getMaxX())
            + ", latitude " + round(st.extent.getMinY()) + ".." + round(st.extent.getMaxY()) + ", outside China:"
            + " the coordinate system is wrong. Fix the .prj or choose the right one");
      }
    }
    return st;
  }

  private ApiException tooMany() {
    return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "Too large", "the file has more than " + maxFeatures
        + " features; one import may hold at most " + maxFeatures);
  }

  private static double round(double v) {
    return Math.abs(v) > 1e9 ? v : Math.round(v * 100) / 100.0;
  }

  /** Problems that block the import: nothing to import, or geometry the collection cannot hold. */
  static List<String> problems(Stats st, CollectionSpec c) {
    List<String> out = new ArrayList<>();
    if (st.count == 0) {
      out.add("the file has no features");
    }
    List<String> wrong = st.types.keySet().stream().filter(t -> !fits(c.geometryType(), t)).toList();
    if (!wrong.isEmpty()) {
      out.add(c.titleZh() + " (" + c.id() + ") holds " + c.geometryType().toLowerCase() + "s only, but the file has "
          + st.types + "; import the other geometry types into another collection");
    }
    if (st.tooLarge > 0) {
      out.add(st.tooLarge + " features have more than " + GeometryRules.MAX_VERTICES + " vertices (e.g. "
          + st.tooLargeExample + "), more than Planmap accepts for one feature; simplify them in the GIS");
    }
    if (st.invalid > 0) {
      out.add(st.invalid + " geometries are invalid (e.g. " + st.invalidExamples.get(0) + "); fix them in the GIS,"
          + " or import with repair=true to have Planmap repair them");
    }
    return out;
  }

  static boolean fits(String collectionType, String type) {
    return switch (collectionType) {
      case "Point" -> type.equals("Point");
      case "Polygon" -> type.equals("Polygon") || type.equals("MultiPolygon");
      default -> true;
    };
  }
}
