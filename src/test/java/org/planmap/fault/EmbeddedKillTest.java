package org.planmap.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.planmap.config.EmbeddedRecovery;
import org.planmap.load.LoadDriver;
import org.planmap.support.ChildPlanmap;

/**
 * The embedded H2GIS store survives {@code kill -9} during writes: Planmap in its own JVM on a file database, four
 * writers drawing parcels, killed after a few seconds, {@value #ROUNDS} times ({@code -Dplanmap.kill.rounds=N} for
 * more). Each time the database opens again, every write that was acknowledged (201) is there, and no feature is
 * half-written (feature and history tables agree). The file is opened as Planmap opens it, after
 * {@link EmbeddedRecovery#prepare} (the last kill's file by Planmap itself); a copy of each killed file is also opened
 * by H2 alone, and the test reports how many of those H2 could not open (H2 2.4.240 cannot open a file whose unfinished
 * transaction had written to a SPATIAL index, see {@link EmbeddedRecovery}).
 */
class EmbeddedKillTest {
  static final int ROUNDS = 5, WRITERS = 4;
  final int rounds = Integer.getInteger("planmap.kill.rounds", ROUNDS);
  static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString(
      "admin:test-admin-password".getBytes(StandardCharsets.UTF_8));
  static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
  final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void acknowledgedWritesSurviveKill9() throws Exception {
    Path dir = Files.createTempDirectory("planmap-h2kill-");
    String url = "jdbc:h2:file:" + dir.resolve("planmap");
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicInteger cell = new AtomicInteger();
    String park = null;
    List<String> h2Alone = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      ChildPlanmap planmap = ChildPlanmap.start(url, "sa", dir);
      try {
        if (park == null) {
          HttpResponse<String> p = send(planmap.base() + "/api/edit/parks", "{\"geometry\":" + LoadDriver.square(
              LoadDriver.PARK_X, LoadDriver.PARK_Y, LoadDriver.PARK_SIZE)
              + ",\"properties\":{\"plan\":\"korla\",\"name\":\"断电测试园区\"}}");
          assertThat(p.statusCode()).as(p.body()).isEqualTo(201);
          park = id(p.body());
        }
        int before = acknowledged.size();
        write(planmap, park, cell, acknowledged, 4000);
        System.out.printf("EmbeddedKillTest round %d: %d writes acknowledged before kill -9%n", round,
            acknowledged.size() - before);
        assertThat(acknowledged.size()).as("writes acknowledged in round " + round).isGreaterThan(before);
      } finally {
        planmap.kill();
      }
      String alone = openedByH2Alone(dir);
      if (alone != null) {
        h2Alone.add("round " + round + ": " + alone);
      }
      if (round < rounds - 1) {
        EmbeddedRecovery.prepare(url);
        check(url, acknowledged);
      } // the last kill's file is opened by Planmap itself (EmbeddedRecovery on start)
    }
    System.out.printf("EmbeddedKillTest: %d kills, H2 alone could not open %d of the killed files%s%n", rounds,
        h2Alone.size(), h2Alone.isEmpty() ? "" : ":\n  " + String.join("\n  ", h2Alone));
    try (ChildPlanmap last = ChildPlanmap.start(url, "sa", dir)) {
      for (String id : acknowledged) {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(last.base()
            + "/ogcapi/collections/parcels/items/" + id)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(id).isEqualTo(200);
      }
    }
    check(url, acknowledged);
  }

  /** Opens a copy of the killed file with H2 alone (no {@link EmbeddedRecovery}): null if it opens, else the error. */
  static String openedByH2Alone(Path dir) throws Exception {
    Path probe = Files.createDirectories(dir.resolve("h2-alone"));
    Files.copy(dir.resolve("planmap.mv.db"), probe.resolve("planmap.mv.db"), StandardCopyOption.REPLACE_EXISTING);
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + probe.resolve("planmap"), "sa", "")) {
      c.createStatement().executeQuery("SELECT COUNT(*) FROM parcel").close();
      return null;
    } catch (java.sql.SQLException e) {
      String m = String.valueOf(e.getMessage());
      int cause = m.indexOf("java.lang.");
      return m.substring(0, Math.min(m.length(), 80)) + (cause < 0 ? "" : " … "
          + m.substring(cause, Math.min(m.length(), cause + 160)));
    } finally {
      Files.deleteIfExists(probe.resolve("planmap.mv.db"));
      Files.deleteIfExists(probe.resolve("planmap.trace.db"));
    }
  }

  /** Writers draw parcels (and change every other one) until {@code millis} have passed, then the JVM is killed under them. */
  void write(ChildPlanmap planmap, String park, AtomicInteger cell, Set<String> acknowledged, long millis)
      throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    for (int w = 0; w < WRITERS; w++) {
      pool.submit(() -> {
        while (!stop.get()) {
          int c = cell.getAndIncrement();
          double x = LoadDriver.PARK_X + (c % 60) * LoadDriver.CELL + 0.0002;
          double y = LoadDriver.PARK_Y + (c / 60) * LoadDriver.CELL + 0.0002;
          try {
            HttpResponse<String> r = send(planmap.base() + "/api/edit/parcels", "{\"geometry\":"
                + LoadDriver.square(x, y, LoadDriver.PARCEL) + ",\"properties\":{\"park_id\":\"" + park
                + "\",\"land_use_code\":\"100101\",\"far\":1.2,\"name\":\"断电地块 " + c + "\"}}");
            if (r.statusCode() == 201) {
              acknowledged.add(id(r.body()));
            }
          } catch (Exception e) {
            // the JVM went away under the request: not acknowledged
          }
        }
      });
    }
    Thread.sleep(millis);
    planmap.kill();
    stop.set(true);
    pool.shutdown();
    pool.awaitTermination(1, TimeUnit.MINUTES);
  }

  /** Opens the file database as Planmap left it and compares it with what was acknowledged. */
  static void check(String url, Set<String> acknowledged) throws Exception {
    Map<String, Integer> parcels = new HashMap<>();
    Map<String, Integer> history = new HashMap<>();
    List<String> halfWritten = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      ResultSet rs = c.createStatement().executeQuery("SELECT id, version FROM parcel WHERE source_file LIKE 'user:%'");
      while (rs.next()) {
        parcels.put(rs.getString(1), rs.getInt(2));
      }
      rs = c.createStatement().executeQuery("SELECT feature_id, MAX(version) FROM feature_history WHERE collection ="
          + " 'parcels' GROUP BY feature_id");
      while (rs.next()) {
        history.put(rs.getString(1), rs.getInt(2));
      }
    }
    parcels.forEach((id, v) -> {
      if (!v.equals(history.get(id))) {
        halfWritten.add(id + " version " + v + ", history " + history.get(id));
      }
    });
    history.forEach((id, v) -> {
      if (!parcels.containsKey(id)) {
        halfWritten.add(id + " in history only");
      }
    });
    assertThat(halfWritten).as("features and history disagree").isEmpty();
    assertThat(parcels.keySet()).as("acknowledged writes lost").containsAll(acknowledged);
  }

  HttpResponse<String> send(String url, String json) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
        .header("Authorization", ADMIN).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static String id(String json) {
    Matcher m = ID.matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no id in " + json);
    }
    return m.group(1);
  }
}
