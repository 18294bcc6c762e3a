package org.planmap.exchange;

import java.nio.charset.Charset;
import java.util.List;
import org.planmap.plan.Column;

/**
 * Turns a row into DBF values: text cut at a character boundary to its field's byte width (counted), numbers as
 * numbers (NaN and infinities as empty, numbers too large for the field empty and counted), booleans as booleans.
 */
final class DbfValues {
  static final int MAX_TEXT_BYTES = 254;
  static final int NUMBER_WIDTH = 24;
  static final int DECIMALS = 10;
  /** Larger numbers do not fit N(24,10); they are left empty (and counted) rather than written mangled. */
  static final double MAX_NUMBER = 1e13;

  private final List<ExportField> fields;
  private final Charset charset;
  private final int[] widths;
  private long cut;

  DbfValues(ExportLayout layout, Charset charset) {
    this.fields = layout.fields();
    this.charset = charset;
    this.widths = new int[fields.size()];
    int bpc = charset.name().equalsIgnoreCase("UTF-8") ? 3 : 2;
    for (int i = 0; i < widths.length; i++) {
      widths[i] = Math.max(1, Math.min(MAX_TEXT_BYTES, fields.get(i).maxChars() * bpc));
    }
  }

  int width(ExportField f) {
    return widths[fields.indexOf(f)];
  }

  long cutCount() {
    return cut;
  }

  Object[] of(ExportRow row) {
    Object[] out = new Object[fields.size()];
    for (int i = 0; i < out.length; i++) {
      ExportField f = fields.get(i);
      Object v = f.key().equals("id") ? row.id() : row.values().get(f.key());
      out[i] = v == null ? null : convert(f.type(), v, widths[i]);
    }
    return out;
  }

  private Object convert(Column.Type type, Object v, int width) {
    return switch (type) {
      case INTEGER -> v instanceof Number n ? (Object) n.longValue() : null;
      case DOUBLE -> {
        if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue())) {
          yield null;
        }
        if (Math.abs(n.doubleValue()) >= MAX_NUMBER) {
          cut++;
          yield null;
        }
        yield n.doubleValue();
      }
      case BOOLEAN -> v instanceof Boolean b ? b : Boolean.valueOf(v.toString());
      default -> {
        String s = v.toString();
        String c = TextCut.cut(s, width, charset);
        if (c.length() < s.length()) {
          cut++;
        }
        yield c;
      }
    };
  }
}
