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
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.planmap.geo.Geometries;

/**
 * KML placemarks (always WGS84 lon/lat): name, ExtendedData ({@code Data} and {@code SchemaData}) and
 * Point / LineString / Polygon / MultiGeometry. Parsed with StAX, external entities off.
 */
final class KmlSource implements ImportSource {
  private final Description description;
  private final List<Feature> features = new ArrayList<>();
  private final Set<String> fields = new LinkedHashSet<>();

  KmlSource(Path file, String name) throws IOException {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    try (InputStream in = Files.newInputStream(file)) {
      XMLStreamReader x = f.createXMLStreamReader(in);
      while (x.hasNext()) {
        if (x.next() == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("Placemark")) {
          placemark(x);
        }
      }
    } catch (XMLStreamException e) {
      throw UploadUnpacker.bad(name + " is not well-formed KML (" + e.getMessage().lines().reduce((a, b) -> b).orElse("")
          + "); it may be cut short");
    } catch (IllegalArgumentException e) {
      throw UploadUnpacker.bad(name + ": " + e.getMessage());
    }
    this.description = new Description(name, ExchangeCrs.WGS84, "KML is always WGS84 longitude/latitude", "UTF-8",
        "as the XML declares", new ArrayList<>(fields));
  }

  @Override
  public Description description() {
    return description;
  }

  private void placemark(XMLStreamReader x) throws XMLStreamException {
    Map<String, Object> props = new LinkedHashMap<>();
    List<Geometry> parts = new ArrayList<>();
    String dataName = null;
    int depth = 1;
    while (depth > 0) {
      int e = x.next();
      if (e == XMLStreamConstants.END_ELEMENT) {
        depth--;
        continue;
      }
      if (e != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      String tag = x.getLocalName();
      switch (tag) {
        case "name" -> {
          if (depth == 1) {
            props.put("name", x.getElementText());
            continue;
          }
        }
        case "Data" -> dataName = x.getAttributeValue(null, "name");
        case "value" -> {
          put(props, dataName, x.getElementText());
          continue;
        }
        case "SimpleData" -> {
          put(props, x.getAttributeValue(null, "name"), x.getElementText());
          continue;
        }
        case "Point" -> {
          parts.add(Geometries.FACTORY.createPoint(coords(x, "Point")[0]));
          continue;
        }
        case "LineString" -> {
          parts.add(Geometries.FACTORY.createLineString(coords(x, "LineString")));
          continue;
        }
        case "Polygon" -> {
          parts.add(polygon(x));
          continue;
        }
        default -> { }
      }
      depth++;
    }
    props.values().removeIf(v -> v == null || v.toString().isBlank());
    fields.addAll(props.keySet());
    Geometry g = parts.isEmpty() ? null : parts.size() == 1 ? parts.get(0) : Geometries.FACTORY.buildGeometry(parts);
    features.add(new Feature(features.size() + 1, props, g));
  }

  /** A value of {@code Data}/{@code SimpleData}; one without a field name (KML requires it) is left out. */
  private static void put(Map<String, Object> props, String field, String value) {
    if (field != null && !field.isBlank()) {
      props.put(field, value);
    }
  }

  private static Geometry polygon(XMLStreamReader x) throws XMLStreamException {
    LinearRing shell = null;
    List<LinearRing> holes = new ArrayList<>();
    boolean outer = false;
    while (!(x.next() == XMLStreamConstants.END_ELEMENT && x.getLocalName().equals("Polygon"))) {
      if (x.isStartElement()) {
        if (x.getLocalName().equals("outerBoundaryIs")) {
          outer = true;
        } else if (x.getLocalName().equals("innerBoundaryIs")) {
          outer = false;
        } else if (x.getLocalName().equals("LinearRing")) {
          LinearRing r = Geometries.FACTORY.createLinearRing(coords(x, "LinearRing"));
          if (outer) {
            shell = r;
          } else {
            holes.add(r);
          }
        }
      }
    }
    return Geometries.FACTORY.createPolygon(shell, holes.toArray(LinearRing[]::new));
  }

  /** Reads the {@code coordinates} inside an element up to its end tag. */
  private static Coordinate[] coords(XMLStreamReader x, String end) throws XMLStreamException {
    List<Coordinate> out = new ArrayList<>();
    while (!(x.next() == XMLStreamConstants.END_ELEMENT && x.getLocalName().equals(end))) {
      if (x.isStartElement() && x.getLocalName().equals("coordinates")) {
        for (String t : x.getElementText().trim().split("\\s+")) {
          if (!t.isEmpty()) {
            String[] p = t.split(",");
            try {
              out.add(new Coordinate(Double.parseDouble(p[0]), Double.parseDouble(p[1])));
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
              throw new IllegalArgumentException("'" + t + "' is not a longitude,latitude pair");
            }
          }
        }
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("a " + end + " has no coordinates");
    }
    return out.toArray(Coordinate[]::new);
  }

  @Override
  public void read(Consumer<Feature> sink) {
    features.forEach(sink);
  }
}
