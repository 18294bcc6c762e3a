package org.planmap.backup;

import java.util.List;

/**
 * What makes a GeoPackage a Planmap backup: the table {@code planmap_backup} (key/value: format, format version,
 * Planmap version, database schema version, store, time) and {@code planmap_backup_table} (every data table with
 * its row count and {@link TableDigest} checksum), both GeoPackage attribute tables.
 */
final class BackupFormat {
  static final String FORMAT = "planmap-backup";
  static final String VERSION = "1";
  static final BackupTable META = new BackupTable("planmap_backup", List.of("key"),
      List.of(BackupColumn.text("key"), BackupColumn.text("value")));
  static final BackupTable TABLES = new BackupTable("planmap_backup_table", List.of("table_name"),
      List.of(BackupColumn.text("table_name"), BackupColumn.integer("row_count"), BackupColumn.text("checksum")));

  private BackupFormat() {}

  /** One data table as the backup describes it. */
  record Summary(long rows, String checksum) {}
}
