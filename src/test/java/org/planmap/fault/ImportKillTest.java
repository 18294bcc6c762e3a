package org.planmap.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.planmap.support.ChildPlanmap;

/**
 * An import killed midway ({@code kill -9} of Planmap while the commit job writes) leaves nothing partial: no row of
 * the import, every other table as it was; Planmap started again on the same database works.
 */
class ImportKillTest {
  static final int FEATURES = 200_000;
  static final String SERVER = System.getenv().getOrDefault("PLANMAP_TEST_PG", "127.0.0.1:5432");
  static final String DB = "planmap_killimport_" + ProcessHandle.current().pid();
  static final HttpClient CLIENT = HttpClient.newHttpClient();
  static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString(
      "admin:test-admin-password".getBytes(StandardCharsets.UTF_8));

  @Test
  void killedImportLeavesNothingPartial() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + SERVER + "/postgres", "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + DB);
      s.execute("CREATE DATABASE " + DB);
    }
    String url = "jdbc:postgresql://" + SERVER + "/" + DB;
    Path work = Files.createTempDirectory("planmap-killimport-");
    byte[] geojson = points(FEATURES);
    String importId;
    Map<String, String> before;
    ChildPlanmap planmap = ChildPlanmap.start(url, "postgres", work);
    try {
      HttpResponse<String> preview = upload(planmap.base(), geojson);
      assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
      importId = field(preview.body(), "id");
      before = checksums(url);
      HttpResponse<String> commit = send(planmap.base() + "/api/exchange/imports/" + importId + "/commit", "POST",
          "{\"plan\":\"korla\",\"kind\":\"imported_point\"}");
      assertThat(commit.statusCode()).as(commit.body()).isEqualTo(202);
      String job = field(commit.body(), "id");
      String status = "";
      long done = 0;
      for (int i = 0; i < 6000 && !(status.equals("running") && done > 0); i++) {
        String body = send(planmap.base() + "/api/exchange/jobs/" + job, "GET", null).body();
        status = field(body, "status");
        Matcher m = Pattern.compile("\"done\"\\s*:\\s*(\\d+)").matcher(body);
        done = m.find() ? Long.parseLong(m.group(1)) : 0;
        assertThat(status).as("the job ended before it could be killed: " + body).isIn("queued", "running");
        Thread.sleep(20);
      }
      assertThat(status).isEqualTo("running");
      planmap.kill();
      System.out.printf("ImportKillTest: killed with %d of %d features read%n", done, FEATURES);
    } finally {
      planmap.kill();
    }
    awaitNoOtherSessions(url);
    try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
      ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM project WHERE source_file = 'import:"
          + importId + "'");
      rs.next();
      assertThat(rs.getLong(1)).as("rows of the killed import").isZero();
    }
    assertThat(checksums(url)).as("every table as before the import").isEqualTo(before);

    try (ChildPlanmap again = ChildPlanmap.start(url, "postgres", work)) {
      assertThat(send(again.base() + "/ogcapi/collections/projects/items?plan=korla", "GET", null).statusCode())
          .isEqualTo(200);
      HttpResponse<String> preview = upload(again.base(), points(50));
      assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
      HttpResponse<String> commit = send(again.base() + "/api/exchange/imports/" + field(preview.body(), "id")
          + "/commit", "POST", "{\"plan\":\"korla\"}");
      assertThat(commit.statusCode()).as(commit.body()).isEqualTo(202);
    }
  }

  /** A GeoJSON FeatureCollection of n points spread over 库尔勒市. */
  static byte[] points(int n) {
    ByteArrayOutputStream b = new ByteArrayOutputStream(n * 120);
    StringBuilder s = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        s.append(',');
      }
      s.append(String.format(Locale.ROOT, "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":"
          + "[%.5f,%.5f]},\"properties\":{\"name\":\"导入点 %d\",\"编号\":%d}}", 86.0 + (i % 400) * 0.0005,
          41.7 + (i / 400 % 400) * 0.0005, i, i));
      if (s.length() > 1 << 16) {
        b.writeBytes(s.toString().getBytes(StandardCharsets.UTF_8));
        s.setLength(0);
      }
    }
    s.append("]}");
    b.writeBytes(s.toString().getBytes(StandardCharsets.UTF_8));
    return b.toByteArray();
  }

  static HttpResponse<String> upload(String base, byte[] content) throws Exception {
    String boundary = "planmapKillBoundary";
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"collection\"\r\n\r\nprojects\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"points.geojson\"\r\n"
        + "Content-Type: application/geo+json\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    b.writeBytes(content);
    b.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/api/exchange/imports")).header("Authorization", ADMIN)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(b.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> send(String url, String method, String json) throws Exception {
    return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", ADMIN)
        .header("Content-Type", "application/json").method(method, json == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no '" + name + "' in " + json);
    }
    return m.group(1);
  }

  /** md5 of every table of the public schema, rows in a fixed order. */
  static Map<String, String> checksums(String url) throws SQLException {
    Map<String, String> sums = new TreeMap<>();
    try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
      ResultSet tables = c.createStatement().executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
          + " AND tablename <> 'spatial_ref_sys'");
      while (tables.next()) {
        String t = tables.getString(1);
        ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) || ':' || COALESCE(md5(string_agg(x::text, "
            + "'|' ORDER BY x::text)), '') FROM \"" + t + "\" x");
        rs.next();
        sums.put(t, rs.getString(1));
      }
    }
    return sums;
  }

  /** Waits until PostgreSQL has ended the killed JVM's sessions (and so rolled their transaction back). */
  static void awaitNoOtherSessions(String url) throws Exception {
    try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
      for (int i = 0; i < 600; i++) {
        ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = '" + DB
            + "' AND pid <> pg_backend_pid()");
        rs.next();
        if (rs.getLong(1) == 0) {
          return;
        }
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("the killed Planmap's database sessions did not end");
  }
}
