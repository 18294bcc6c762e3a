package org.planmap.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Finds a DBF's text encoding: the {@code .cpg} file, else the DBF's code page byte (ArcGIS writes 0x4D for
 * GBK), else the user's choice, else a guess (strict UTF-8 if every byte decodes as such, otherwise GBK, which
 * Chinese data without a {@code .cpg} almost always is). Java names as H2GIS expects ({@code cp936}, not GBK).
 */
record DbfEncoding(String javaName, String note) {

  static DbfEncoding detect(Path dbf, Path cpg, String chosen) throws IOException {
    if (cpg != null && Files.exists(cpg)) {
      String declared = Files.readString(cpg, StandardCharsets.ISO_8859_1).trim();
      String name = fromCpg(declared);
      if (name == null) {
        throw UploadUnpacker.bad("the .cpg file names the encoding '" + declared + "', which Planmap does not know;"
            + " remove the .cpg and choose the encoding (UTF-8 or GBK)");
      }
      return new DbfEncoding(name, "from the .cpg file (" + declared + ")");
    }
    int ldid = ldid(dbf);
    if (ldid == 0x4D || ldid == 0x7A) {
      return new DbfEncoding("cp936", "from the DBF code page (GBK, 0x" + Integer.toHexString(ldid) + ")");
    }
    if (chosen != null && !chosen.isBlank()) {
      ExportEncoding e = ExportEncoding.parse(chosen);
      return new DbfEncoding(e.javaName(), "your choice (" + e.label() + ")");
    }
    return utf8(dbf) ? new DbfEncoding("UTF-8", "guessed: the text is valid UTF-8 (no .cpg)")
        : new DbfEncoding("cp936", "guessed: GBK, as Chinese data without a .cpg usually is; choose UTF-8 if names look wrong");
  }

  static String fromCpg(String declared) {
    String d = declared.toUpperCase(Locale.ROOT).replace("ANSI ", "").trim();
    return switch (d) {
      case "UTF-8", "UTF8", "65001" -> "UTF-8";
      case "936", "GBK", "CP936", "GB2312", "CP_936", "MS936" -> "cp936";
      case "GB18030", "54936" -> "GB18030";
      case "950", "BIG5", "CP950" -> "cp950";
      case "1252", "CP1252" -> "cp1252";
      case "8859-1", "88591", "ISO-8859-1", "ISO88591" -> "ISO-8859-1";
      default -> d.matches("\\d{3,5}") && Charset.isSupported("cp" + d) ? "cp" + d : null;
    };
  }

  private static int ldid(Path dbf) throws IOException {
    try (InputStream in = Files.newInputStream(dbf)) {
      byte[] head = in.readNBytes(32);
      return head.length < 32 ? -1 : head[29] & 0xFF;
    }
  }

  /** Whether the first few MB of the DBF decode as strict UTF-8 (ASCII-only counts as UTF-8). */
  private static boolean utf8(Path dbf) throws IOException {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(dbf)) {
      bytes = in.readNBytes(4 * 1024 * 1024);
    }
    int start = bytes.length > 10 ? ((bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8) : 0;
    if (start <= 0 || start >= bytes.length) {
      return true;
    }
    int end = bytes.length;
    // do not judge a multi-byte character cut at the end of the sample
    while (end > start && (bytes[end - 1] & 0x80) != 0) {
      end--;
    }
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, start, end - start));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
