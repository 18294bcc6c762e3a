package org.planmap.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Planmap in a JVM of its own ({@code java -cp <test classpath> org.planmap.PlanmapApplication}), so that a fault
 * test can {@code kill -9} it. The first admin's password is {@code test-admin-password}; output goes to a log file.
 */
public final class ChildPlanmap implements AutoCloseable {
  private final Process process;
  private final int port;
  private final Path log;

  private ChildPlanmap(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Starts Planmap on a free port with the database URL and extra {@code --name=value} arguments; waits for health. */
  public static ChildPlanmap start(String jdbcUrl, String user, Path workDir, String... args) {
    try {
      int port;
      try (ServerSocket s = new ServerSocket(0)) {
        port = s.getLocalPort();
      }
      Files.createDirectories(workDir);
      Path log = workDir.resolve("planmap-" + port + ".log");
      String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
      List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx768m", "-XX:TieredStopAtLevel=1", "-cp", cp, "org.planmap.PlanmapApplication",
          "--server.port=" + port, "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=" + user,
          "--spring.datasource.password=", "--planmap.security.initial-admin-password=test-admin-password",
          "--planmap.geodata-dir=" + Path.of("geodata").toAbsolutePath(),
          "--planmap.exchange.work-dir=" + workDir.resolve("exchange"), "--logging.level.root=warn"));
      cmd.addAll(List.of(args));
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      ChildPlanmap child = new ChildPlanmap(p, port, log);
      child.awaitHealthy(Duration.ofMinutes(4));
      return child;
    } catch (IOException e) {
      throw new IllegalStateException("could not start Planmap: " + e.getMessage(), e);
    }
  }

  private void awaitHealthy(Duration limit) {
    HttpClient c = HttpClient.newHttpClient();
    long end = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < end) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Planmap exited with " + process.exitValue() + ":\n" + tail());
      }
      try {
        HttpResponse<String> r = c.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health"))
            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(500);
    }
    kill();
    throw new IllegalStateException("Planmap did not become healthy within " + limit + ":\n" + tail());
  }

  public int port() {
    return port;
  }

  public String base() {
    return "http://127.0.0.1:" + port;
  }

  public boolean alive() {
    return process.isAlive();
  }

  /** {@code kill -9}: no shutdown hook, no flush, no rollback by Planmap. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A graceful stop (SIGTERM), as an operator would. */
  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          kill();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The last lines of its log. */
  public String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
