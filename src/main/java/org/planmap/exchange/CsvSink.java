package org.planmap.exchange;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTWriter;

/**
 * CSV (RFC 4180) with the geometry as WKT in the last column {@code WKT} (what GDAL and QGIS detect), in the
 * chosen CRS and encoding; UTF-8 starts with a BOM so Excel shows Chinese right. Full column names, no cutting.
 */
final class CsvSink implements ExportSink {
  private final ExportLayout layout;
  private final ExchangeCrs crs;
  private final Writer w;
  private final WKTWriter wkt = new WKTWriter();

  CsvSink(ExportLayout layout, ExportEncoding encoding, ExchangeCrs crs, OutputStream out) throws IOException {
    this.layout = layout;
    this.crs = crs;
    this.w = new BufferedWriter(new OutputStreamWriter(out, encoding.charset()), 1 << 16);
    if (encoding == ExportEncoding.UTF8) {
      w.write('\uFEFF');
    }
    StringBuilder head = new StringBuilder();
    for (ExportField f : layout.fields()) {
      head.append(Csv.quote(f.fromAttrs() ? f.labelZh() : f.key())).append(',');
    }
    w.write(head.append("WKT\r\n").toString());
  }

  @Override
  public void write(ExportRow row) throws IOException {
    StringBuilder line = new StringBuilder(256);
    for (ExportField f : layout.fields()) {
      Object v = f.key().equals("id") ? row.id() : row.values().get(f.key());
      line.append(v == null ? "" : Csv.quote(v.toString())).append(',');
    }
    Geometry g = crs.fromStored(row.geometry());
    line.append(g == null ? "" : Csv.quote(wkt.write(g))).append("\r\n");
    w.write(line.toString());
  }

  @Override
  public void finish() throws IOException {
    w.flush();
  }
}
