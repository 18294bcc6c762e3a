package org.planmap.exchange;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The field table ({@code <collection>_fields.csv}, UTF-8 with BOM for Excel) and README of a shapefile zip. */
final class FieldTable {
  private FieldTable() {}

  static Path write(Path dir, ExportLayout layout, DbfValues values) throws IOException {
    StringBuilder sb = new StringBuilder("\uFEFFfield,source,label_zh,type,width\r\n");
    for (ExportField f : layout.fields()) {
      int width = switch (f.type()) {
        case INTEGER -> 18;
        case DOUBLE -> DbfValues.NUMBER_WIDTH;
        case BOOLEAN -> 1;
        default -> values.width(f);
      };
      sb.append(f.shortName()).append(',').append(Csv.quote(f.key())).append(',').append(Csv.quote(f.labelZh()))
          .append(',').append(f.type().name().toLowerCase()).append(',').append(width).append("\r\n");
    }
    Path p = dir.resolve(layout.collection().id() + "_fields.csv");
    Files.writeString(p, sb.toString(), StandardCharsets.UTF_8);
    return p;
  }

  /**
   * Reads a field table back: short DBF name → full field name. Planmap writes it in UTF-8; Excel on Chinese
   * Windows saves it again in GBK, so that is read too. A file that is neither, or not a Planmap field table, is
   * refused or ignored rather than guessed at.
   */
  static Map<String, String> read(Path p) throws IOException {
    byte[] bytes = Files.readAllBytes(p);
    String text = decode(bytes, StandardCharsets.UTF_8);
    if (text == null) {
      text = decode(bytes, Charset.forName("GBK"));
    }
    if (text == null) {
      throw UploadUnpacker.bad("'" + p.getFileName() + "' is neither UTF-8 nor GBK text; save the field table"
          + " again as CSV (UTF-8), or leave it out of the zip");
    }
    List<String> lines = text.lines().toList();
    Map<String, String> out = new HashMap<>();
    if (lines.isEmpty() || !lines.get(0).replace("\uFEFF", "").startsWith("field,source")) {
      return out;
    }
    for (String line : lines.subList(1, lines.size())) {
      String[] cols = line.split(",", 3);
      if (cols.length >= 2) {
        out.put(cols[0], cols[1].replace("\"", ""));
      }
    }
    return out;
  }

  private static String decode(byte[] bytes, Charset cs) {
    try {
      return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  static Path readme(Path dir, ExportLayout layout, ExportEncoding encoding, ExchangeCrs crs,
      Map<ShapefileSink.Kind, ShapeSet> sets, long cut) throws IOException {
    String text = "Planmap export: " + layout.collection().titleZh() + " (" + layout.collection().id() + ")\r\n"
        + "Coordinate system 坐标系: " + crs.label() + "\r\n"
        + "Text encoding 编码: " + encoding.label() + " (see the .cpg files)\r\n"
        + "Files 文件:\r\n" + ShapefileSink.describe(sets, layout.collection().id()).replace("\n", "\r\n")
        + "Field names are at most 10 ASCII characters; " + layout.collection().id()
        + "_fields.csv maps each to its full name and Chinese label (字段对照表).\r\n"
        + (cut == 0 ? "No value was shortened.\r\n"
            : cut + " values did not fit a DBF field: text longer than 254 bytes was cut between characters,"
                + " numbers of 10^13 or more were left empty; the GeoJSON or GeoPackage export keeps them whole."
                + " 超长文本已在字符边界截断。\r\n");
    Path p = dir.resolve("README.txt");
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }
}
