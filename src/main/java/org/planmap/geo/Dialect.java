package org.planmap.geo;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The two stores Planmap runs on; the few SQL differences are keyed on this. */
public enum Dialect {
  POSTGIS,
  H2GIS;

  /** Detects the store behind a data source from its JDBC metadata. */
  public static Dialect of(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      String product = c.getMetaData().getDatabaseProductName();
      return product.toLowerCase().contains("postgres") ? POSTGIS : H2GIS;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reach the database to detect its kind", e);
    }
  }
}
