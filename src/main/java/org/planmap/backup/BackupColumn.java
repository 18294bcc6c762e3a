package org.planmap.backup;

/** One column of a backed-up table, named as in SQL, with the kind of value it holds. */
public record BackupColumn(String name, Kind kind) {
  /**
   * How a value is carried: TEXT (also JSON text), INTEGER (64-bit), DOUBLE, BOOLEAN, TIMESTAMP (an instant,
   * kept as ISO-8601 UTC text with its full precision), GEOMETRY (EPSG:4326; WKB).
   */
  public enum Kind { TEXT, INTEGER, DOUBLE, BOOLEAN, TIMESTAMP, GEOMETRY }

  static BackupColumn text(String name) {
    return new BackupColumn(name, Kind.TEXT);
  }

  static BackupColumn integer(String name) {
    return new BackupColumn(name, Kind.INTEGER);
  }

  static BackupColumn number(String name) {
    return new BackupColumn(name, Kind.DOUBLE);
  }

  static BackupColumn bool(String name) {
    return new BackupColumn(name, Kind.BOOLEAN);
  }

  static BackupColumn timestamp(String name) {
    return new BackupColumn(name, Kind.TIMESTAMP);
  }

  static BackupColumn geometry(String name) {
    return new BackupColumn(name, Kind.GEOMETRY);
  }
}
