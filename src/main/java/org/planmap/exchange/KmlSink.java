package org.planmap.exchange;

import java.io.IOException;
import java.io.OutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * KML 2.2 (always WGS84 lon/lat), written with StAX so every text is escaped. Each feature is a Placemark with
 * its name and all other attributes as typed SchemaData (ASCII field names, Chinese labels as displayName); multi-geometries become MultiGeometry.
 */
final class KmlSink implements ExportSink {
  private static final String NS = "http://www.opengis.net/kml/2.2";
  private final ExportLayout layout;
  private final XMLStreamWriter x;

  KmlSink(ExportLayout layout, OutputStream out) throws IOException {
    this.layout = layout;
    try {
      x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
      x.writeStartDocument("UTF-8", "1.0");
      x.writeStartElement("kml");
      x.writeDefaultNamespace(NS);
      x.writeStartElement("Document");
      text("name", layout.collection().titleZh());
      schema();
      x.writeStartElement("Folder");
      text("name", layout.collection().id());
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }

  @Override
  public void write(ExportRow row) throws IOException {
    try {
      x.writeStartElement("Placemark");
      x.writeAttribute("id", row.id());
      Object name = row.values().get("name");
      text("name", name == null ? row.id() : name.toString());
      x.writeStartElement("ExtendedData");
      x.writeStartElement("SchemaData");
      x.writeAttribute("schemaUrl", "#" + layout.collection().id());
      for (ExportField f : layout.fields()) {
        Object v = f.key().equals("id") ? row.id() : row.values().get(f.key());
        if (v != null && !f.key().equals("name")) {
          x.writeStartElement("SimpleData");
          x.writeAttribute("name", fieldName(f));
          x.writeCharacters(xmlSafe(v.toString()));
          x.writeEndElement();
        }
      }
      x.writeEndElement();
      x.writeEndElement();
      if (row.geometry() != null && !row.geometry().isEmpty()) {
        geometry(row.geometry());
      }
      x.writeEndElement();
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }

  /** Field names are ASCII (readers launder others); the Chinese label is the field's displayName. */
  private static String fieldName(ExportField f) {
    return f.fromAttrs() ? f.shortName() : f.key();
  }

  private void schema() throws XMLStreamException {
    x.writeStartElement("Schema");
    x.writeAttribute("name", layout.collection().id());
    x.writeAttribute("id", layout.collection().id());
    for (ExportField f : layout.fields()) {
      if (f.key().equals("name")) {
        continue;
      }
      x.writeStartElement("SimpleField");
      x.writeAttribute("name", fieldName(f));
      x.writeAttribute("type", switch (f.type()) {
        case INTEGER -> "int";
        case DOUBLE -> "double";
        case BOOLEAN -> "bool";
        default -> "string";
      });
      text("displayName", f.labelZh());
      x.writeEndElement();
    }
    x.writeEndElement();
  }

  private void geometry(Geometry g) throws XMLStreamException {
    if (g instanceof Point p) {
      x.writeStartElement("Point");
      text("coordinates", coords(p.getCoordinates()));
      x.writeEndElement();
    } else if (g instanceof LineString l) {
      x.writeStartElement("LineString");
      text("coordinates", coords(l.getCoordinates()));
      x.writeEndElement();
    } else if (g instanceof Polygon p) {
      x.writeStartElement("Polygon");
      ring("outerBoundaryIs", p.getExteriorRing());
      for (int i = 0; i < p.getNumInteriorRing(); i++) {
        ring("innerBoundaryIs", p.getInteriorRingN(i));
      }
      x.writeEndElement();
    } else {
      x.writeStartElement("MultiGeometry");
      for (int i = 0; i < g.getNumGeometries(); i++) {
        geometry(g.getGeometryN(i));
      }
      x.writeEndElement();
    }
  }

  private void ring(String element, LineString ring) throws XMLStreamException {
    x.writeStartElement(element);
    x.writeStartElement("LinearRing");
    text("coordinates", coords(ring.getCoordinates()));
    x.writeEndElement();
    x.writeEndElement();
  }

  private static String coords(Coordinate[] cs) {
    StringBuilder sb = new StringBuilder(cs.length * 24);
    for (Coordinate c : cs) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(c.x).append(',').append(c.y);
    }
    return sb.toString();
  }

  private void text(String element, String value) throws XMLStreamException {
    x.writeStartElement(element);
    x.writeCharacters(xmlSafe(value));
    x.writeEndElement();
  }

  /** Drops the control characters XML 1.0 cannot carry at all (the writer escapes the rest). */
  private static String xmlSafe(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = c >= 0x20 || c == '\t' || c == '\n' || c == '\r';
      if (!ok && sb == null) {
        sb = new StringBuilder(s.substring(0, i));
      } else if (ok && sb != null) {
        sb.append(c);
      }
    }
    return sb == null ? s : sb.toString();
  }

  @Override
  public void finish() throws IOException {
    try {
      x.writeEndElement();
      x.writeEndElement();
      x.writeEndElement();
      x.writeEndDocument();
      x.flush();
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }
}
