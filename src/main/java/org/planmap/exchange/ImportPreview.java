package org.planmap.exchange;

import java.util.List;
import java.util.Map;

/**
 * What an upload holds, shown before anything is written: layers, feature count, fields with samples, extent
 * (lon/lat, for the map), CRS and encoding with where each came from, geometry types, validation problems, the
 * suggested field mapping, and {@code problems} that block the import until fixed.
 */
public record ImportPreview(String id, String collection, String file, List<Layer> layers, long count,
    List<Field> fields, double[] extent, Map<String, Long> geometryTypes, long withoutGeometry, long invalid,
    List<String> invalidExamples, List<Map<String, Object>> sampleRows, Map<String, String> mapping,
    List<String> targets, List<String> problems) {

  /** One layer (file or table) of the upload, with its CRS and encoding and where each came from. */
  public record Layer(String name, long count, String crs, String crsNote, String encoding, String encodingNote) {}

  /** A field of the file with a sample value. */
  public record Field(String name, String type, Object sample) {}
}
