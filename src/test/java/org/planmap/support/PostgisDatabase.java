package org.planmap.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A fresh PostGIS database for one test run, made on the server named by {@code PLANMAP_TEST_PG}
 * (default {@code 127.0.0.1:5432}, user {@code postgres}, trust auth as on the CI machines). A test that needs
 * PostGIS fails loudly when the server is missing: it is never skipped. The database is dropped when the JVM exits,
 * and databases left behind by test runs that no longer run (killed JVMs) are dropped before a new one is made.
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
        dropLeftovers(s);
        s.execute("DROP DATABASE IF EXISTS " + NAME);
        s.execute("CREATE DATABASE " + NAME);
        Runtime.getRuntime().addShutdownHook(new Thread(PostgisDatabase::drop, "drop-" + NAME));
      } catch (SQLException e) {
        throw new IllegalStateException("PostGIS tests need PostgreSQL with PostGIS at " + SERVER
            + " (user " + USER + "); run .ci/run or see README 'Tests': " + e.getMessage(), e);
      }
      url = "jdbc:postgresql://" + SERVER + "/" + NAME;
    }
    return url;
  }

  /** Drops the databases of earlier runs whose JVM is gone; a run still going keeps its own. */
  private static void dropLeftovers(Statement s) throws SQLException {
    List<String> stale = new ArrayList<>();
    try (ResultSet r = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'planmap\\_test\\_%'")) {
      while (r.next()) {
        String name = r.getString(1);
        String pid = name.substring("planmap_test_".length()).split("_", 2)[0];
        if (pid.matches("[0-9]{1,18}") && ProcessHandle.of(Long.parseLong(pid)).isEmpty()) {
          stale.add(name);
        }
      }
    }
    for (String name : stale) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }

  private static void drop() {
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + SERVER + "/postgres", USER, "");
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + NAME + " WITH (FORCE)");
    } catch (SQLException e) {
      System.err.println("could not drop the test database " + NAME + ": " + e.getMessage());
    }
  }

  /**
   * Another empty database on the same server, {@code planmap_test_<pid>_<suffix>}, made afresh (for tests that
   * need a second instance, e.g. a restore target); {@link #drop(String)} removes it, and a killed run's is dropped
   * with the other leftovers.
   */
  public static String fresh(String suffix) {
    String name = NAME + "_" + suffix;
    admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)", "CREATE DATABASE " + name);
    return "jdbc:postgresql://" + SERVER + "/" + name;
  }

  /** Drops a database made by {@link #fresh}. */
  public static void drop(String suffix) {
    admin("DROP DATABASE IF EXISTS " + NAME + "_" + suffix + " WITH (FORCE)");
  }

  private static void admin(String... statements) {
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + SERVER + "/postgres", USER, "");
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("PostGIS tests need PostgreSQL with PostGIS at " + SERVER
          + " (user " + USER + "): " + e.getMessage(), e);
    }
  }

  public static String user() {
    return USER;
  }
}
