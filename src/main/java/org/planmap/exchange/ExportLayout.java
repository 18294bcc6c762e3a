package org.planmap.exchange;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.planmap.plan.CollectionSpec;
import org.planmap.plan.Column;

/** The fields of an export, in order: id, plan, the collection's columns, version, then its free attributes. */
public record ExportLayout(CollectionSpec collection, List<ExportField> fields) {

  static ExportLayout of(CollectionSpec c, Map<String, Integer> textLengths, Map<String, ExchangeStore.AttrStats> attrs) {
    List<ExportField> out = new ArrayList<>();
    Set<String> used = new HashSet<>();
    out.add(known("id", Column.Type.TEXT, textLengths, used));
    out.add(known("plan_id", Column.Type.TEXT, textLengths, used));
    for (Column col : c.columns()) {
      Column.Type t = col.type() == Column.Type.JSON ? Column.Type.TEXT : col.type();
      out.add(known(col.name(), t, textLengths, used));
    }
    out.add(known("version", Column.Type.INTEGER, textLengths, used));
    int n = 0;
    for (Map.Entry<String, ExchangeStore.AttrStats> e : attrs.entrySet()) {
      String key = e.getKey();
      String ascii = key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "");
      String shortName = ascii.equals(key.toLowerCase(Locale.ROOT)) && !ascii.isEmpty() && ascii.length() <= 10
          && !used.contains(ascii) ? ascii : null;
      while (shortName == null || used.contains(shortName)) {
        shortName = "attr_" + (++n);
      }
      used.add(shortName);
      ExchangeStore.AttrStats s = e.getValue();
      out.add(new ExportField(shortName, "attrs." + key, key, s.numeric && s.maxChars > 0 ? Column.Type.DOUBLE
          : Column.Type.TEXT, true, s.maxChars));
    }
    return new ExportLayout(c, List.copyOf(out));
  }

  private static ExportField known(String column, Column.Type type, Map<String, Integer> lengths, Set<String> used) {
    String shortName = FieldLabels.shortName(column);
    used.add(shortName);
    return new ExportField(shortName, column, FieldLabels.label(column), type, false,
        lengths.getOrDefault(column, 0));
  }
}
