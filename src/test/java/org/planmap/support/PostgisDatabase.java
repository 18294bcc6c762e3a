package org.planmap.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A fresh PostGIS database for one test run, made on the server named by {@code PLANMAP_TEST_PG}
 * (default {@code 127.0.0.1:5432}, user {@code postgres}, trust auth as on the CI machines). A test that needs
 * PostGIS fails loudly when the server is missing: it is never skipped.
 */
public final class PostgisDatabase {
  private static final String SERVER = System.getenv().getOrDefault("PLANMAP_TEST_PG", "127.0.0.1:5432");
  private static final String USER = System.getenv().getOrDefault("PLANMAP_TEST_PG_USER", "postgres");
  private static final String NAME = "planmap_test_" + ProcessHandle.current().pid();
  private static String url;

  private PostgisDatabase() {}

  /** The JDBC URL of this run's database, created (empty) on first use. */
  public static synchronized String url() {
    if (url == null) {
      try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + SERVER + "/postgres", USER, "");
          Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + NAME);
        s.execute("CREATE DATABASE " + NAME);
      } catch (SQLException e) {
        throw new IllegalStateException("PostGIS tests need PostgreSQL with PostGIS at " + SERVER
            + " (user " + USER + "); run .ci/run or see README 'Tests': " + e.getMessage(), e);
      }
      url = "jdbc:postgresql://" + SERVER + "/" + NAME;
    }
    return url;
  }

  public static String user() {
    return USER;
  }
}
