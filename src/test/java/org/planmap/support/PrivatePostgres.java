package org.planmap.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL cluster of a test's own ({@code initdb} + {@code pg_ctl} of PostgreSQL 15 in a temporary folder, on a
 * free port, trust auth), so that a test may stop and restart it without touching the machine's shared server. Runs
 * as the {@code postgres} account when the JVM runs as root (initdb refuses root).
 */
public final class PrivatePostgres implements AutoCloseable {
  private static final Path BIN = Path.of(System.getenv().getOrDefault("PLANMAP_PG_BIN", "/usr/lib/postgresql/15/bin"));
  private final Path dir;
  private final int port;

  private PrivatePostgres(Path dir, int port) {
    this.dir = dir;
    this.port = port;
  }

  /** initdb, start, and a database {@code planmap} with PostGIS. */
  public static PrivatePostgres start() {
    try {
      Path dir = Files.createTempDirectory("planmap-pg-");
      int port;
      try (ServerSocket s = new ServerSocket(0)) {
        port = s.getLocalPort();
      }
      PrivatePostgres pg = new PrivatePostgres(dir, port);
      if (root()) {
        run(List.of("chown", "postgres:postgres", dir.toString()));
      }
      pg.pg(BIN.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-A", "trust", "-U", "postgres",
          "--no-sync", "-E", "UTF8");
      pg.ctl("start");
      try (Connection c = DriverManager.getConnection(pg.url("postgres"), "postgres", "")) {
        c.createStatement().execute("CREATE DATABASE planmap");
      }
      try (Connection c = DriverManager.getConnection(pg.url(), "postgres", "")) {
        c.createStatement().execute("CREATE EXTENSION IF NOT EXISTS postgis");
      }
      return pg;
    } catch (IOException | SQLException e) {
      throw new IllegalStateException("could not start a private PostgreSQL 15 cluster (needs " + BIN
          + " and PostGIS): " + e.getMessage(), e);
    }
  }

  public String url() {
    return url("planmap");
  }

  private String url(String db) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + db;
  }

  /** {@code pg_ctl restart -m fast}: every connection is cut, the server is back within a second or so. */
  public void restart() {
    ctl("restart");
  }

  public void stop() {
    ctl("stop");
  }

  public void startAgain() {
    ctl("start");
  }

  private void ctl(String action) {
    List<String> cmd = new ArrayList<>(List.of(BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(),
        "-l", dir.resolve("server.log").toString(), "-w", "-t", "60"));
    if (!action.equals("stop")) {
      cmd.addAll(List.of("-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off"));
    }
    cmd.addAll(List.of("-m", "fast", action));
    pg(cmd.toArray(String[]::new));
  }

  private void pg(String... command) {
    List<String> cmd = new ArrayList<>();
    if (root()) {
      cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    cmd.addAll(List.of(command));
    run(cmd);
  }

  private static void run(List<String> cmd) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
      }
    } catch (IOException e) {
      throw new IllegalStateException(String.join(" ", cmd) + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static boolean root() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** Stops the cluster and deletes its folder. */
  @Override
  public void close() {
    try {
      ctl("stop");
    } catch (RuntimeException e) {
      // already stopped
    }
    run(List.of("rm", "-rf", dir.toString()));
  }
}
