package org.planmap.backup;

import java.util.List;

/**
 * One table of Planmap's data as it goes into a backup: its SQL name (also its name in the GeoPackage), its key
 * (the order rows are written in) and every column. A table with a {@code geom} column becomes a GeoPackage
 * feature table; others become attribute tables.
 */
public record BackupTable(String name, List<String> key, List<BackupColumn> columns) {
  /** The column GeoPackage readers show as the layer's geometry. */
  public static final String GEOMETRY = "geom";

  public boolean spatial() {
    return columns.stream().anyMatch(c -> c.name().equals(GEOMETRY));
  }

  public List<String> names() {
    return columns.stream().map(BackupColumn::name).toList();
  }
}
