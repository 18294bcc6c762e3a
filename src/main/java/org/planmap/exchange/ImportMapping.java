package org.planmap.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.planmap.plan.CollectionSpec;
import org.planmap.plan.Column;

/**
 * Field mapping of an import: suggestions from the field names (Planmap's own short names and field table,
 * ogr2ogr/ArcGIS cut names, Chinese labels), and checking a planner's choices. Columns Planmap sets itself
 * (plan, position_accuracy, source_doc) cannot be targets: a file's values for them are kept as free attributes.
 */
final class ImportMapping {
  static final String ATTRS = "attrs:";
  private static final Set<String> RESERVED = Set.of("plan_id", "position_accuracy", "source_doc", "version", "id");

  private ImportMapping() {}

  /** The columns a field may go to, then "attrs:…" for free attributes. */
  static List<String> targets(CollectionSpec c) {
    List<String> out = new ArrayList<>();
    for (Column col : c.columns()) {
      if (!RESERVED.contains(col.name())) {
        out.add(col.name());
      }
    }
    return out;
  }

  static Map<String, String> suggest(CollectionSpec c, List<String> fields, Map<String, String> fieldTable) {
    Map<String, String> out = new LinkedHashMap<>();
    List<String> targets = targets(c);
    for (String f : fields) {
      String key = fieldTable.getOrDefault(f, f);
      String column = key.startsWith("attrs.") ? null : FieldLabels.columnOf(key);
      if (column == null) {
        column = FieldLabels.columnOfLabel(key);
      }
      if (column != null && targets.contains(column) && !out.containsValue(column)) {
        out.put(f, column);
      } else {
        String attr = key.startsWith("attrs.") ? key.substring(6) : column != null ? "original_" + column : key;
        out.put(f, ATTRS + attr);
      }
    }
    return out;
  }

  /** Applies a planner's choices over the suggestions; refuses unknown fields and targets. */
  static Map<String, String> apply(CollectionSpec c, Map<String, String> suggested, Map<String, String> chosen) {
    Map<String, String> out = new LinkedHashMap<>(suggested);
    if (chosen == null) {
      return out;
    }
    List<String> targets = targets(c);
    for (Map.Entry<String, String> e : chosen.entrySet()) {
      if (!suggested.containsKey(e.getKey())) {
        throw UploadUnpacker.bad("the file has no field '" + e.getKey() + "'; its fields are " + suggested.keySet());
      }
      String t = e.getValue() == null ? "" : e.getValue().trim();
      if (!t.isEmpty() && !targets.contains(t) && !(t.startsWith(ATTRS) && t.length() > ATTRS.length())) {
        throw UploadUnpacker.bad("field '" + e.getKey() + "' cannot go to '" + t + "'; choose one of " + targets
            + ", attrs:<name> to keep it as a free attribute, or nothing to leave it out");
      }
      out.put(e.getKey(), t);
    }
    List<String> columns = out.values().stream().filter(v -> !v.isEmpty() && !v.startsWith(ATTRS)).toList();
    if (columns.size() != columns.stream().distinct().count()) {
      throw UploadUnpacker.bad("two fields go to the same column; each column can take one field");
    }
    return out;
  }

  /** The key each field's value is stored under (a column, or a free attribute's name); empty: left out. */
  static Map<String, String> keys(Map<String, String> mapping) {
    Map<String, String> out = new LinkedHashMap<>();
    mapping.forEach((f, t) -> out.put(f, t == null ? "" : t.startsWith(ATTRS) ? t.substring(ATTRS.length()) : t));
    return out;
  }

  /**
   * The feature's properties under their target names ({@link #keys} of the mapping); free attributes stay in the
   * map under their names.
   */
  static Map<String, Object> map(Map<String, Object> props, Map<String, String> keys) {
    Map<String, Object> out = new LinkedHashMap<>(2 * props.size() + 8);
    for (Map.Entry<String, Object> e : props.entrySet()) {
      String k = keys.getOrDefault(e.getKey(), "");
      if (!k.isEmpty() && e.getValue() != null) {
        out.put(k, e.getValue());
      }
    }
    return out;
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
