package org.planmap.security;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.planmap.support.Http;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The accounts of the rights matrix and the fresh things its placeholders stand for: every call gets its own
 * project, upload, job or account, made by an admin (or, for uploads, the Korla planner) just before.
 */
final class RightsFixtures {
  static final String PASSWORD = "correct-horse-battery";
  static final String VIEWER = "rm-viewer";
  static final String OTHER = "rm-tacheng";
  static final String PLANNER = "rm-korla";
  static final String ADMIN = "rm-admin";
  /** A park of Korla (a point in the shipped data) that gets an outline for the parcel rows. */
  static final String PARK = "korla-parks-shangku";
  private static final AtomicInteger NONCE = new AtomicInteger();
  private static final AtomicInteger SLOT = new AtomicInteger();
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");
  private final Http http;
  private final JdbcTemplate jdbc;
  private final AdminService admin;

  RightsFixtures(Http http, JdbcTemplate jdbc, AdminService admin) {
    this.http = http;
    this.jdbc = jdbc;
    this.admin = admin;
  }

  /** The accounts (made once per database) and an outline for the test park. */
  void accounts() {
    if (admin.list().stream().noneMatch(u -> u.username().equals(PLANNER))) {
      admin.create(new AdminService.NewUser(VIEWER, PASSWORD, Role.VIEWER, Set.of()));
      admin.create(new AdminService.NewUser(OTHER, PASSWORD, Role.PLANNER, Set.of("654201")));
      admin.create(new AdminService.NewUser(PLANNER, PASSWORD, Role.PLANNER, Set.of("652801")));
      admin.create(new AdminService.NewUser(ADMIN, PASSWORD, Role.ADMIN, Set.of()));
    }
    JsonNode park = check(as(ADMIN, "GET", "/ogcapi/collections/parks/items/" + PARK, null, null), 200);
    if (!park.path("geometry").path("type").asString().equals("Polygon")) {
      String outline = square(86.095, 41.795, 86.105, 41.805);
      Http.Response r = as(ADMIN, "PUT", "/api/edit/parks/" + PARK, json("{\"geometry\":" + outline + "}"),
          "application/json", "If-Match", "\"" + park.path("properties").path("version").asInt() + "\"");
      check(r, 200);
    }
  }

  /** The user name of a role's column, or null for anonymous. */
  static String user(RightsMatrix.Role role) {
    return switch (role) {
      case ANONYMOUS, CLOSED -> null;
      case VIEWER -> VIEWER;
      case OTHER -> OTHER;
      case PLANNER -> PLANNER;
      case ADMIN -> ADMIN;
    };
  }

  /** Replaces every placeholder with a fresh thing. */
  String resolve(String text) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(make(m.group(1))));
    }
    m.appendTail(out);
    return out.toString();
  }

  private String make(String name) {
    return switch (name) {
      case "nonce" -> Long.toString(ProcessHandle.current().pid(), 36) + "x" + NONCE.incrementAndGet();
      case "project" -> project("project-korla.json");
      case "tacheng_project" -> project("project-tacheng.json");
      case "upload" -> upload();
      case "job" -> job(false);
      case "done_job" -> job(true);
      case "user" -> user();
      case "square" -> freeSquare();
      default -> throw new IllegalStateException("unknown placeholder {" + name + "}");
    };
  }

  private String project(String body) {
    Http.Response r = as(ADMIN, "POST", "/api/edit/projects", json(resolve(RightsMatrix.resource(
        "security/rights/" + body))), "application/json");
    return check(r, 201).path("id").asString();
  }

  private String upload() {
    byte[] body = Http.multipart("projects.geojson", RightsMatrix.resource("security/rights/projects-korla.geojson")
        .getBytes(StandardCharsets.UTF_8), "collection", "projects");
    Http.Response r = as(PLANNER, "POST", "/api/exchange/imports", body, "multipart/form-data; boundary=" + Http.BOUNDARY);
    return check(r, 200).path("id").asString();
  }

  private String job(boolean finished) {
    Http.Response r = as(ADMIN, "POST", "/api/exchange/exports", json(RightsMatrix.resource("security/rights/export.json")),
        "application/json");
    String id = check(r, 202).path("id").asString();
    for (int i = 0; finished && i < 600; i++) {
      String status = check(as(ADMIN, "GET", "/api/exchange/jobs/" + id, null, null), 200).path("status").asString();
      if (status.equals("done")) {
        return id;
      }
      if (!List.of("queued", "running").contains(status)) {
        throw new IllegalStateException("export job " + id + " ended " + status);
      }
      sleep();
    }
    return id;
  }

  private String user() {
    String name = "rm-u-" + make("nonce");
    admin.create(new AdminService.NewUser(name, PASSWORD, Role.VIEWER, Set.of()));
    return name;
  }

  /** A ~25 m x 33 m square in the test park that no parcel touches yet. */
  private String freeSquare() {
    for (int tries = 0; tries < 1024; tries++) {
      int s = SLOT.getAndIncrement() % 1024;
      double x0 = 86.0952 + (s % 32) * 0.0003;
      double y0 = 41.7952 + (s / 32) * 0.0003;
      String sq = square(x0, y0, x0 + 0.00025, y0 + 0.00025);
      String wkt = String.format(java.util.Locale.ROOT, "POLYGON((%f %f, %f %f, %f %f, %f %f, %f %f))", x0, y0,
          x0 + 0.00025, y0, x0 + 0.00025, y0 + 0.00025, x0, y0 + 0.00025, x0, y0);
      Long taken = jdbc.queryForObject("SELECT COUNT(*) FROM parcel WHERE ST_Intersects(geom, ST_GeomFromText(?, 4326))",
          Long.class, wkt);
      if (taken == 0) {
        return sq;
      }
    }
    throw new IllegalStateException("the test park has no free parcel slot left");
  }

  static String square(double x0, double y0, double x1, double y1) {
    return String.format(java.util.Locale.ROOT,
        "{\"type\":\"Polygon\",\"coordinates\":[[[%f,%f],[%f,%f],[%f,%f],[%f,%f],[%f,%f]]]}", x0, y0, x1, y0, x1, y1,
        x0, y1, x0, y0);
  }

  Http.Response as(String user, String method, String path, byte[] body, String contentType, String... more) {
    List<String> headers = new java.util.ArrayList<>(List.of(more));
    if (user != null) {
      headers.addAll(List.of(Http.basic(user, PASSWORD)));
    }
    if (contentType != null) {
      headers.addAll(List.of("Content-Type", contentType));
    }
    headers.addAll(List.of("Accept", "*/*"));
    return http.sendBytes(method, path, body, headers.toArray(String[]::new));
  }

  private static byte[] json(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static JsonNode check(Http.Response r, int status) {
    if (r.status() != status) {
      throw new IllegalStateException("fixture call answered " + r.status() + ": " + r.body());
    }
    return r.json();
  }

  private static void sleep() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
