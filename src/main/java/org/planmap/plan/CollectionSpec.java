package org.planmap.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * One feature collection: its public id (OGC API, tiles, export), its table, titles and the typed columns it
 * has beyond the common ones. Table and column names come only from here: SQL never takes them from requests.
 */
public record CollectionSpec(
    String id, String table, String titleZh, String titleEn, String geometryType, List<Column> typed) {

  /** Columns every feature table has (besides id, plan_id and geom). */
  public static final List<Column> COMMON = List.of(
      Column.text("name"), new Column("aliases", Column.Type.JSON), Column.text("kind"),
      Column.text("source_doc"), Column.integer("source_line"), Column.text("source_text"),
      new Column("other_lines", Column.Type.JSON), Column.text("position_accuracy"),
      Column.text("location_text"), new Column("outside_territory", Column.Type.BOOLEAN),
      Column.text("notes"));

  /** Common then typed columns, in output order. */
  public List<Column> columns() {
    List<Column> all = new ArrayList<>(COMMON);
    all.addAll(typed);
    return all;
  }

  public boolean hasColumn(String name) {
    return columns().stream().anyMatch(c -> c.name().equals(name));
  }
}
