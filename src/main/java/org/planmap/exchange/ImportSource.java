package org.planmap.exchange;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Geometry;

/** A layer of an uploaded file, read feature by feature; geometry is in the file's own CRS. */
interface ImportSource {
  /** One feature: its 1-based position in the layer, its attributes as the file has them, its geometry. */
  record Feature(long index, Map<String, Object> properties, Geometry geometry) {}

  /**
   * What a layer says about itself: its name (for messages, e.g. {@code parcels_polygon.shp}); the CRS it declares,
   * or null when it declares none or one Planmap does not know, and where that came from; the text encoding used to
   * read it and where that came from; its attribute fields.
   */
  record Description(String name, ExchangeCrs declaredCrs, String crsNote, String encoding, String encodingNote,
      List<String> fields) {}

  Description description();

  default String name() {
    return description().name();
  }

  default ExchangeCrs declaredCrs() {
    return description().declaredCrs();
  }

  default String crsNote() {
    return description().crsNote();
  }

  default String encoding() {
    return description().encoding();
  }

  default String encodingNote() {
    return description().encodingNote();
  }

  default List<String> fields() {
    return description().fields();
  }

  void read(Consumer<Feature> sink) throws IOException;

  /**
   * Reads every feature's geometry but the attributes of the first {@code attributeRows} features only (null
   * properties after them), for the preview. Sources whose attributes cost nothing extra read them all.
   */
  default void readGeometries(int attributeRows, Consumer<Feature> sink) throws IOException {
    read(sink);
  }
}
