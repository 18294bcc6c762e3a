package org.planmap.exchange;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.h2gis.functions.io.dbf.internal.DbaseFileHeader;

/**
 * Reads a DBF's records front to back, with the values the H2GIS driver gives (numbers without decimals as
 * {@code Long}, others as {@code Double}, logicals as {@code Boolean}, blank as null; dates, which the driver reads
 * as null, as {@code yyyy-MM-dd}) but decoding only the non-blank bytes of each field. The H2GIS reader decodes every field whole, one random read
 * each; on a million-row DBF of wide text fields that was most of an import's time. The header is H2GIS's.
 */
final class DbfRecords implements AutoCloseable {
  private static final String TYPES = "CcNnFfLlDd";
  private final InputStream in;
  private final Charset charset;
  private final char[] types;
  private final int[] offsets;
  private final int[] lengths;
  private final int[] decimals;
  private final byte[] record;

  private DbfRecords(Path dbf, DbaseFileHeader h, Charset charset) throws IOException {
    this.charset = charset;
    int n = h.getNumFields();
    types = new char[n];
    offsets = new int[n];
    lengths = new int[n];
    decimals = new int[n];
    int at = 1;
    for (int i = 0; i < n; i++) {
      types[i] = h.getFieldType(i);
      offsets[i] = at;
      lengths[i] = h.getFieldLength(i);
      decimals[i] = h.getFieldDecimalCount(i);
      at += lengths[i];
    }
    record = new byte[Math.max(h.getRecordLength(), at)];
    in = new BufferedInputStream(Files.newInputStream(dbf), 1 << 20);
    in.skipNBytes(h.getHeaderLength());
  }

  /** A reader, or null when a field has a type it does not read (then the H2GIS driver reads the file). */
  static DbfRecords open(Path dbf, DbaseFileHeader h, String javaCharset) throws IOException {
    for (int i = 0; i < h.getNumFields(); i++) {
      if (TYPES.indexOf(h.getFieldType(i)) < 0) {
        return null;
      }
    }
    return new DbfRecords(dbf, h, Charset.forName(javaCharset));
  }

  /** Reads the next record into {@code out}, under the given field names (in field order). */
  void next(List<String> names, Map<String, Object> out) throws IOException {
    int n = in.readNBytes(record, 0, record.length);
    if (n < record.length) {
      throw new EOFException("the .dbf ends in the middle of a record");
    }
    for (int i = 0; i < types.length; i++) {
      out.put(names.get(i), value(i));
    }
  }

  private Object value(int i) {
    int from = offsets[i];
    int to = from + lengths[i];
    while (from < to && (record[from] == ' ' || record[from] == 0)) {
      from++;
    }
    while (to > from && (record[to - 1] == ' ' || record[to - 1] == 0)) {
      to--;
    }
    if (from == to) {
      return null;
    }
    return switch (types[i]) {
      case 'C', 'c' -> {
        String s = new String(record, from, to - from, charset);
        yield s.isBlank() ? null : s.strip();
      }
      case 'N', 'n', 'F', 'f' -> number(ascii(from, to), decimals[i] == 0 && (types[i] == 'N' || types[i] == 'n'));
      case 'L', 'l' -> switch (record[from]) {
        case 'T', 't', 'Y', 'y' -> Boolean.TRUE;
        case 'F', 'f', 'N', 'n' -> Boolean.FALSE;
        default -> null;
      };
      default -> date(ascii(from, to));
    };
  }

  private String ascii(int from, int to) {
    return new String(record, from, to - from, StandardCharsets.ISO_8859_1);
  }

  private static Object number(String s, boolean whole) {
    if (s.charAt(0) == '*') {
      return null;
    }
    if (whole) {
      try {
        return Long.parseLong(s);
      } catch (NumberFormatException e) {
        // not a whole number after all: read as a decimal, as the H2GIS driver does
      }
    }
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      try {
        return s.contains(",") ? Double.parseDouble(s.replace(',', '.')) : null;
      } catch (NumberFormatException e2) {
        return null;
      }
    }
  }

  private static String date(String s) {
    if (s.length() != 8 || s.equals("00000000") || !s.chars().allMatch(Character::isDigit)) {
      return null;
    }
    return s.substring(0, 4) + "-" + s.substring(4, 6) + "-" + s.substring(6, 8);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
