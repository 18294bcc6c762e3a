package org.planmap.plan;

/** A typed column of a feature table, named as in SQL and in feature properties. */
public record Column(String name, Type type) {
  public enum Type { TEXT, INTEGER, DOUBLE, BOOLEAN, JSON }

  public static Column text(String name) {
    return new Column(name, Type.TEXT);
  }

  public static Column integer(String name) {
    return new Column(name, Type.INTEGER);
  }

  public static Column number(String name) {
    return new Column(name, Type.DOUBLE);
  }
}
