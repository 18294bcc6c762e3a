package org.planmap.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.Deflater;
import java.util.zip.ZipOutputStream;
import org.h2gis.functions.io.dbf.internal.DbaseFileException;
import org.h2gis.functions.io.dbf.internal.DbaseFileHeader;
import org.h2gis.functions.io.shp.internal.ShapeType;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.planmap.geo.Geometries;
import org.planmap.plan.Column;

/**
 * A shapefile zip: one {@code .shp/.shx/.dbf/.prj/.cpg} set per geometry type ({@code <collection>_polygon},
 * {@code _line}, {@code _point}, {@code _multipoint}; features without geometry in {@code <collection>_nogeom.dbf}),
 * a field table ({@code <collection>_fields.csv}) mapping each short field name to its Chinese label, and a
 * README. Text longer than a DBF field (254 bytes) is cut between characters and counted in the README.
 */
final class ShapefileSink implements ExportSink {
  enum Kind {
    POLYGON("polygon", ShapeType.POLYGON), LINE("line", ShapeType.ARC), POINT("point", ShapeType.POINT),
    MULTIPOINT("multipoint", ShapeType.MULTIPOINT), NONE("nogeom", null);

    final String suffix;
    final ShapeType type;

    Kind(String suffix, ShapeType type) {
      this.suffix = suffix;
      this.type = type;
    }
  }

  private final Path dir;
  private final ExportLayout layout;
  private final ExportEncoding encoding;
  private final ExchangeCrs crs;
  private final OutputStream out;
  private final Map<Kind, ShapeSet> sets = new EnumMap<>(Kind.class);
  private final DbfValues values;

  ShapefileSink(Path dir, ExportLayout layout, ExportEncoding encoding, ExchangeCrs crs, OutputStream out) {
    this.dir = dir;
    this.layout = layout;
    this.encoding = encoding;
    this.crs = crs;
    this.out = out;
    this.values = new DbfValues(layout, encoding.charset());
  }

  @Override
  public void write(ExportRow row) throws IOException {
    Object[] dbf = values.of(row);
    Geometry g = crs.fromStored(row.geometry());
    if (g == null || g.isEmpty()) {
      set(Kind.NONE).write(null, dbf);
    } else if (g.getClass() == GeometryCollection.class) {
      for (int dim = 0; dim <= 2; dim++) {
        List<Geometry> parts = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
          if (g.getGeometryN(i).getDimension() == dim && !g.getGeometryN(i).isEmpty()) {
            parts.add(g.getGeometryN(i));
          }
        }
        if (!parts.isEmpty()) {
          Geometry merged = Geometries.FACTORY.buildGeometry(parts);
          set(kindOf(merged)).write(oriented(merged), dbf);
        }
      }
    } else {
      set(kindOf(g)).write(oriented(g), dbf);
    }
  }

  private static Kind kindOf(Geometry g) {
    if (g instanceof Point) {
      return Kind.POINT;
    }
    if (g instanceof MultiPoint) {
      return Kind.MULTIPOINT;
    }
    if (g instanceof LineString || g instanceof MultiLineString) {
      return Kind.LINE;
    }
    if (g instanceof Polygon || g instanceof MultiPolygon) {
      return Kind.POLYGON;
    }
    throw new IllegalStateException("unexpected geometry " + g.getGeometryType());
  }

  /** ESRI rings: outer rings clockwise, holes counter-clockwise. */
  private static Geometry oriented(Geometry g) {
    if (g instanceof Polygon p) {
      LinearRing shell = p.getExteriorRing();
      if (Orientation.isCCW(shell.getCoordinateSequence())) {
        shell = shell.reverse();
      }
      LinearRing[] holes = new LinearRing[p.getNumInteriorRing()];
      for (int i = 0; i < holes.length; i++) {
        LinearRing h = p.getInteriorRingN(i);
        holes[i] = Orientation.isCCW(h.getCoordinateSequence()) ? h : h.reverse();
      }
      return p.getFactory().createPolygon(shell, holes);
    }
    if (g instanceof MultiPolygon mp) {
      Polygon[] parts = new Polygon[mp.getNumGeometries()];
      for (int i = 0; i < parts.length; i++) {
        parts[i] = (Polygon) oriented(mp.getGeometryN(i));
      }
      return mp.getFactory().createMultiPolygon(parts);
    }
    return g;
  }

  private ShapeSet set(Kind kind) throws IOException {
    ShapeSet s = sets.get(kind);
    if (s == null) {
      s = new ShapeSet(dir, base(kind), kind.type, header(), encoding.charset());
      sets.put(kind, s);
    }
    return s;
  }

  private String base(Kind kind) {
    return layout.collection().id() + "_" + kind.suffix;
  }

  private DbaseFileHeader header() throws IOException {
    DbaseFileHeader h = new DbaseFileHeader();
    h.setEncoding(encoding.javaName());
    try {
      for (ExportField f : layout.fields()) {
        switch (f.type()) {
          case INTEGER -> h.addColumn(f.shortName(), 'N', 18, 0);
          case DOUBLE -> h.addColumn(f.shortName(), 'N', DbfValues.NUMBER_WIDTH, DbfValues.DECIMALS);
          case BOOLEAN -> h.addColumn(f.shortName(), 'L', 1, 0);
          default -> h.addColumn(f.shortName(), 'C', values.width(f), 0);
        }
      }
    } catch (DbaseFileException e) {
      throw new IOException(e);
    }
    return h;
  }

  @Override
  public void finish() throws IOException {
    List<Path> files = new ArrayList<>();
    for (Map.Entry<Kind, ShapeSet> e : sets.entrySet()) {
      e.getValue().close();
      files.addAll(e.getValue().files());
      if (e.getKey() != Kind.NONE) {
        Path prj = dir.resolve(base(e.getKey()) + ".prj");
        Files.writeString(prj, crs.prj(), StandardCharsets.US_ASCII);
        files.add(prj);
      }
      Path cpg = dir.resolve(base(e.getKey()) + ".cpg");
      Files.writeString(cpg, encoding.cpg(), StandardCharsets.US_ASCII);
      files.add(cpg);
    }
    files.add(FieldTable.write(dir, layout, values));
    files.add(FieldTable.readme(dir, layout, encoding, crs, sets, values.cutCount()));
    try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      // Fastest deflate: DBF padding compresses well at any level, and the zip is on the export's critical path.
      zip.setLevel(Deflater.BEST_SPEED);
      for (Path p : files) {
        zip.putNextEntry(new ZipEntry(p.getFileName().toString()));
        Files.copy(p, zip);
        zip.closeEntry();
      }
      zip.finish();
    }
  }

  /** Row counts per set, for the README. */
  static String describe(Map<Kind, ShapeSet> sets, String collection) {
    StringBuilder sb = new StringBuilder();
    sets.forEach((k, s) -> sb.append("  ").append(collection).append('_').append(k.suffix)
        .append(k == Kind.NONE ? ".dbf" : ".shp").append(": ").append(s.rows()).append(" features\n"));
    return sb.toString();
  }

  static boolean isText(ExportField f) {
    return f.type() == Column.Type.TEXT;
  }
}
