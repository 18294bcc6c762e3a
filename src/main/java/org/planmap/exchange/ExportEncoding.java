package org.planmap.exchange;

import java.nio.charset.Charset;
import java.util.Locale;
import org.planmap.web.ApiException;

/**
 * Text encodings of exported shapefiles and CSV: UTF-8 (default) or GBK (code page 936, what ArcGIS on Chinese
 * Windows writes). H2GIS ignores the name "GBK" on write, so the DBF is written as {@code cp936}; the {@code .cpg}
 * names the code page so ArcGIS, QGIS and GDAL read it back right.
 */
public enum ExportEncoding {
  UTF8("UTF-8", "UTF-8", "UTF-8", 3),
  GBK("GBK", "cp936", "936", 2);

  private final String label;
  private final String javaName;
  private final String cpg;
  private final int bytesPerChar;

  ExportEncoding(String label, String javaName, String cpg, int bytesPerChar) {
    this.label = label;
    this.javaName = javaName;
    this.cpg = cpg;
    this.bytesPerChar = bytesPerChar;
  }

  public static ExportEncoding parse(String text) {
    if (text == null || text.isBlank()) {
      return UTF8;
    }
    return switch (text.trim().toUpperCase(Locale.ROOT).replace("_", "-")) {
      case "UTF-8", "UTF8" -> UTF8;
      case "GBK", "CP936", "936", "GB2312", "GB18030" -> GBK;
      default -> throw ApiException.badRequest("encoding '" + text + "' is not offered; use UTF-8 or GBK");
    };
  }

  public Charset charset() {
    return Charset.forName(javaName);
  }

  public String label() {
    return label;
  }

  String javaName() {
    return javaName;
  }

  String cpg() {
    return cpg;
  }

  int bytesPerChar() {
    return bytesPerChar;
  }
}
