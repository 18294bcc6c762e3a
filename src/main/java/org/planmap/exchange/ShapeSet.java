package org.planmap.exchange;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.h2gis.functions.io.dbf.internal.DbaseFileHeader;
import org.h2gis.functions.io.dbf.internal.DbaseFileWriter;
import org.h2gis.functions.io.shp.internal.ShapeType;
import org.h2gis.functions.io.shp.internal.ShapefileWriter;
import org.locationtech.jts.geom.Geometry;

/**
 * One {@code .shp/.shx/.dbf} set of a single shape type, written row by row with the H2GIS writers (the shape
 * type {@code null} writes a lone {@code .dbf}, for features without geometry). Headers that need the row count
 * and extent are rewritten at {@link #close}.
 */
final class ShapeSet {
  private final ShapeType type;
  private final DbaseFileHeader header;
  private final FileChannel dbf;
  private final DbaseFileWriter dbfWriter;
  private final ShapefileWriter shpWriter;
  private final List<Path> files = new ArrayList<>();
  private int rows;

  ShapeSet(Path dir, String base, ShapeType type, DbaseFileHeader header, Charset charset) throws IOException {
    this.type = type;
    this.header = header;
    Path dbfPath = dir.resolve(base + ".dbf");
    this.dbf = open(dbfPath);
    this.dbfWriter = new DbaseFileWriter(header, dbf, charset);
    if (type != null) {
      Path shp = dir.resolve(base + ".shp");
      Path shx = dir.resolve(base + ".shx");
      this.shpWriter = new ShapefileWriter(open(shp), open(shx));
      this.shpWriter.writeHeaders(type);
      files.add(shp);
      files.add(shx);
    } else {
      this.shpWriter = null;
    }
    files.add(dbfPath);
  }

  private static FileChannel open(Path p) throws IOException {
    return FileChannel.open(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.READ);
  }

  void write(Geometry g, Object[] values) throws IOException {
    if (shpWriter != null) {
      shpWriter.writeGeometry(g);
    }
    try {
      dbfWriter.write(values);
    } catch (org.h2gis.functions.io.dbf.internal.DbaseFileException e) {
      throw new IOException(e);
    }
    rows++;
  }

  int rows() {
    return rows;
  }

  List<Path> files() {
    return files;
  }

  void close() throws IOException {
    dbf.write(ByteBuffer.wrap(new byte[] {0x1A}));
    dbf.position(0);
    header.setNumRecords(rows);
    header.writeHeader(dbf);
    dbf.close();
    if (shpWriter != null) {
      shpWriter.writeHeaders(type);
      shpWriter.close();
    }
  }
}
