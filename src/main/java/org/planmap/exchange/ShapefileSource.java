package org.planmap.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.h2.value.Value;
import org.h2.value.ValueNull;
import org.h2gis.api.FileDriver;
import org.h2gis.functions.io.dbf.internal.DBFDriver;
import org.h2gis.functions.io.dbf.internal.DbaseFileHeader;
import org.h2gis.functions.io.shp.internal.IndexFile;
import org.h2gis.functions.io.shp.internal.SHPDriver;
import org.h2gis.functions.io.shp.internal.ShapefileReader;
import org.locationtech.jts.geom.Geometry;
import org.planmap.web.ApiException;

/**
 * A shapefile (or a lone {@code .dbf}, for features without geometry) read row by row with the H2GIS drivers,
 * after checking the set is complete and not cut short: {@code .shx} and {@code .dbf} beside the {@code .shp},
 * lengths that agree with the headers, as many index entries as records.
 */
final class ShapefileSource implements ImportSource {
  private final Path main;
  private final boolean dbfOnly;
  private final DbfEncoding encoding;
  private final Description description;

  ShapefileSource(Path main, String chosenEncoding) throws IOException {
    this.main = main;
    this.dbfOnly = UploadUnpacker.extension(main.getFileName().toString()).equals("dbf");
    Path dbf = dbfOnly ? main : sibling("dbf");
    if (!dbfOnly) {
      if (sibling("shx") == null) {
        throw UploadUnpacker.bad(name() + " has no .shx index file beside it; a shapefile needs its .shp, .shx and"
            + " .dbf (and a .prj): add the missing file to the zip");
      }
      if (dbf == null) {
        throw UploadUnpacker.bad(name() + " has no .dbf attribute file beside it; add it to the zip");
      }
      checkShp(main, sibling("shx"), dbf);
      ShpRecords.check(main, sibling("shx"), name());
    }
    checkDbf(dbf);
    this.encoding = DbfEncoding.detect(dbf, sibling("cpg"), chosenEncoding);
    Path prj = dbfOnly ? null : sibling("prj");
    ExchangeCrs crs = null;
    String crsNote = dbfOnly ? "no geometry" : "no .prj file";
    if (prj != null) {
      String wkt = Files.readString(prj, StandardCharsets.ISO_8859_1);
      crs = ExchangeCrs.fromPrj(wkt);
      crsNote = crs != null ? "from the .prj file" : "the .prj names a coordinate system Planmap does not know: "
          + wkt.trim().substring(0, Math.min(90, wkt.trim().length()));
    }
    List<String> fields = new ArrayList<>();
    withDriver(d -> {
      DbaseFileHeader h = dbfOnly ? ((DBFDriver) d).getDbaseFileHeader() : ((SHPDriver) d).getDbaseFileHeader();
      for (int i = 0; i < h.getNumFields(); i++) {
        fields.add(h.getFieldName(i).trim());
      }
    });
    this.description = new Description(main.getFileName().toString(), crs, crsNote,
        encoding.javaName().equals("cp936") ? "GBK" : encoding.javaName(), encoding.note(), fields);
  }

  @Override
  public Description description() {
    return description;
  }

  /** The file's name, for messages (also while the description is being made). */
  @Override
  public String name() {
    return main.getFileName().toString();
  }

  private Path sibling(String ext) throws IOException {
    String base = main.getFileName().toString().replaceFirst("\\.[^.]+$", "");
    try (var s = Files.list(main.getParent())) {
      return s.filter(p -> p.getFileName().toString().equalsIgnoreCase(base + "." + ext)).findFirst().orElse(null);
    }
  }

  private void checkShp(Path shp, Path shx, Path dbf) throws IOException {
    ByteBuffer h = header(shp, 100);
    if (h == null || h.order(ByteOrder.BIG_ENDIAN).getInt(0) != 9994) {
      throw UploadUnpacker.bad(name() + " is not a shapefile (its header is wrong or missing)");
    }
    long declared = (h.getInt(24) & 0xFFFFFFFFL) * 2;
    if (declared != Files.size(shp)) {
      throw UploadUnpacker.bad(name() + " is cut short or damaged: its header says " + declared + " bytes, the file"
          + " has " + Files.size(shp) + "; export it again");
    }
    long shapes = (Files.size(shx) - 100) / 8;
    ByteBuffer d = header(dbf, 32);
    long records = d == null ? -1 : d.order(ByteOrder.LITTLE_ENDIAN).getInt(4) & 0xFFFFFFFFL;
    if (Files.size(shx) < 100 || shapes != records) {
      throw UploadUnpacker.bad(name() + ": the .shx lists " + shapes + " shapes but the .dbf has " + records
          + " records; the files do not belong together or one is damaged");
    }
  }

  private void checkDbf(Path dbf) throws IOException {
    ByteBuffer d = header(dbf, 32);
    if (d == null) {
      throw UploadUnpacker.bad(dbf.getFileName() + " is not a dBASE file (too short)");
    }
    d.order(ByteOrder.LITTLE_ENDIAN);
    long records = d.getInt(4) & 0xFFFFFFFFL;
    int headerLen = d.getShort(8) & 0xFFFF;
    int recordLen = d.getShort(10) & 0xFFFF;
    if (headerLen < 33 || recordLen < 1 || Files.size(dbf) < headerLen + records * recordLen) {
      throw UploadUnpacker.bad(dbf.getFileName() + " is cut short or damaged: it should hold " + records
          + " records but is too small; export it again");
    }
  }

  private static ByteBuffer header(Path p, int n) throws IOException {
    try (InputStream in = Files.newInputStream(p)) {
      byte[] b = in.readNBytes(n);
      return b.length < n ? null : ByteBuffer.wrap(b);
    }
  }

  private interface DriverWork {
    void run(FileDriver d) throws IOException;
  }

  private void withDriver(DriverWork work) throws IOException {
    FileDriver d;
    try {
      if (dbfOnly) {
        DBFDriver dbf = new DBFDriver();
        dbf.initDriverFromFile(main.toFile(), encoding.javaName());
        d = dbf;
      } else {
        SHPDriver shp = new SHPDriver();
        shp.initDriverFromFile(main.toFile(), encoding.javaName());
        d = shp;
      }
    } catch (IOException | RuntimeException e) {
      throw damaged(e);
    }
    try {
      work.run(d);
    } finally {
      d.close();
    }
  }

  /** The H2GIS readers report a damaged file with their own exceptions; a planner needs to hear which file. */
  private ApiException damaged(Exception e) {
    if (e instanceof ApiException a) {
      return a;
    }
    String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
    return UploadUnpacker.bad(name() + " is damaged and cannot be read (" + why + "); export it again");
  }

  @Override
  public void read(Consumer<Feature> sink) throws IOException {
    readGeometries(Integer.MAX_VALUE, sink);
  }

  /**
   * The DBF is most of a shapefile's bytes: it is read front to back by {@link DbfRecords} (the H2GIS driver only
   * for field types that reader does not know), and beyond {@code attributeRows} not at all.
   */
  @Override
  public void readGeometries(int attributeRows, Consumer<Feature> sink) throws IOException {
    withDriver(d -> {
      DbaseFileHeader h = dbfOnly ? ((DBFDriver) d).getDbaseFileHeader() : ((SHPDriver) d).getDbaseFileHeader();
      int geomIndex = dbfOnly ? -1 : ((SHPDriver) d).getGeometryFieldIndex();
      try (DbfRecords records = records(h); Shapes shapes = shapes()) {
        for (long row = 0; row < d.getRowCount(); row++) {
          Feature f;
          try {
            f = feature(d, records, shapes, row, row < attributeRows, geomIndex);
          } catch (IOException | RuntimeException e) {
            throw damaged(e);
          }
          sink.accept(f);
        }
      }
    });
  }

  private DbfRecords records(DbaseFileHeader h) {
    try {
      return DbfRecords.open(dbfOnly ? main : sibling("dbf"), h, encoding.javaName());
    } catch (IOException | RuntimeException e) {
      throw damaged(e);
    }
  }

  private Shapes shapes() {
    try {
      return dbfOnly ? null : new Shapes(main, sibling("shx"));
    } catch (IOException | RuntimeException e) {
      throw damaged(e);
    }
  }

  private Feature feature(FileDriver d, DbfRecords records, Shapes shapes, long row, boolean attributes,
      int geomIndex) throws IOException {
    Map<String, Object> props = attributes ? new LinkedHashMap<>(2 * fields().size()) : null;
    if (props != null && records != null) {
      records.next(fields(), props);
    } else if (props != null) {
      int field = 0;
      for (int col = 0; col < d.getFieldCount(); col++) {
        if (col != geomIndex) {
          props.put(fields().get(field++), toJava((Value) d.getField(row, col)));
        }
      }
    }
    return new Feature(row + 1, props, shapes == null ? null : shapes.at((int) row));
  }

  /** The geometries, straight from the H2GIS shapefile reader (its driver would wrap each in an H2 value). */
  private static final class Shapes implements AutoCloseable {
    private final FileChannel shp;
    private final FileChannel shx;
    private final ShapefileReader reader;
    private final IndexFile index;

    Shapes(Path shpFile, Path shxFile) throws IOException {
      shp = FileChannel.open(shpFile);
      shx = FileChannel.open(shxFile);
      try {
        reader = new ShapefileReader(shp);
        index = new IndexFile(shx);
      } catch (IOException | RuntimeException e) {
        close();
        throw e;
      }
    }

    Geometry at(int row) throws IOException {
      return reader.geomAt(index.getOffset(row));
    }

    @Override
    public void close() throws IOException {
      try (shp; shx) {
        // both channels closed
      }
    }
  }

  static Object toJava(Value v) {
    if (v == null || v == ValueNull.INSTANCE) {
      return null;
    }
    return switch (v.getValueType()) {
      case Value.TINYINT, Value.SMALLINT, Value.INTEGER, Value.BIGINT -> v.getLong();
      case Value.NUMERIC, Value.REAL, Value.DOUBLE, Value.DECFLOAT -> v.getDouble();
      case Value.BOOLEAN -> v.getBoolean();
      default -> {
        String s = v.getString();
        yield s == null || s.isBlank() ? null : s.strip();
      }
    };
  }
}
