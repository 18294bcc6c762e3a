package org.planmap.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planmap.PlanmapApplication;
import org.planmap.geodata.GeodataLoader;
import org.planmap.security.AdminService;
import org.planmap.security.Role;
import org.planmap.support.ApiTest;
import org.planmap.support.Http;
import org.planmap.support.PostgisDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Backup and restore end to end, on both stores: edits are made (parcels drawn, changed, deleted and brought
 * back, a park redrawn, accounts with grants), the admin downloads the backup, GDAL opens it, and it is restored
 * over HTTP into fresh instances on H2GIS and on PostGIS, whose every table must then equal the source's row by
 * row; the start-up loader run again changes nothing, and editing goes on. Refusals change nothing.
 */
abstract class BackupContract extends ApiTest {
  static final String PASSWORD = "correct-horse-battery";
  static final String ADMIN = "test-admin-password";
  static final String PARK = "korla-parks-shangku";

  @Autowired JdbcTemplate jdbc;
  @Autowired AdminService admin;
  @TempDir Path tmp;

  @BeforeEach
  void edits() {
    if (admin.list().stream().anyMatch(u -> u.username().equals("backup-planner"))) {
      return;
    }
    admin.create(new AdminService.NewUser("backup-planner", PASSWORD, Role.PLANNER, Set.of("652801")));
    admin.create(new AdminService.NewUser("backup-viewer", PASSWORD, Role.VIEWER, Set.of()));
    JsonNode park = http.get("/ogcapi/collections/parks/items/" + PARK).json();
    Http.Response r = as("backup-planner", "PUT", "/api/edit/parks/" + PARK, "{\"geometry\":"
        + square(86.095, 41.795, 86.105, 41.805) + ",\"properties\":{\"notes\":\"redrawn\\tfrom the 2024 survey\"}}",
        "If-Match", "\"" + park.path("properties").path("version").asInt() + "\"");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    String a = created(parcel(square(86.0961, 41.7961, 86.0972, 41.7972), "100101", "甲地块"));
    String b = created(parcel(square(86.0981, 41.7961, 86.0992, 41.7972), "0901", "乙地块"));
    String c = created(parcel(square(86.1001, 41.7961, 86.1012, 41.7972), "1101", "丙地块"));
    assertThat(as("backup-planner", "PUT", "/api/edit/parcels/" + a, "{\"properties\":{\"far\":2.5}}",
        "If-Match", "\"1\"").status()).isEqualTo(200);
    assertThat(as("backup-planner", "DELETE", "/api/edit/parcels/" + b, null, "If-Match", "\"1\"").status())
        .isEqualTo(204);
    assertThat(as("backup-planner", "DELETE", "/api/edit/parcels/" + c, null, "If-Match", "\"1\"").status())
        .isEqualTo(204);
    assertThat(as("backup-planner", "POST", "/api/edit/parcels/" + c + "/restore?version=1", null).status())
        .isEqualTo(200);
  }

  @Test
  void aBackupRestoresIntoFreshInstancesOfBothStoresWithIdenticalData() throws IOException {
    Path file = download();
    String layers = run("ogrinfo", "-ro", "-so", "-q", file.toString());
    for (String layer : List.of("parcel", "park", "territory", "route_stop", "plan", "indicator", "feature_history",
        "app_user", "user_grant", "geodata_file", "planmap_backup")) {
      assertThat(layers).as(layers).containsPattern("(?m)^\\d+: " + layer + "( \\(|$)");
    }
    long parcels = jdbc.queryForObject("SELECT COUNT(*) FROM parcel", Long.class);
    String parcelInfo = run("ogrinfo", "-ro", "-so", file.toString(), "parcel");
    assertThat(parcelInfo).contains("Feature Count: " + parcels).contains("EPSG\",4326").contains("far: Real");

    Map<String, List<String>> source = TableRows.of(jdbc);
    assertThat(source.keySet()).containsExactlyInAnyOrderElementsOf(
        BackupSchema.all().stream().map(BackupTable::name).toList());
    assertThat(source.get("feature_history")).hasSizeGreaterThanOrEqualTo(7);

    String h2 = "jdbc:h2:mem:restore_" + Long.toHexString(System.nanoTime()) + ";DB_CLOSE_DELAY=-1";
    restoreInto(file, h2, "sa", source);
    String pg = PostgisDatabase.fresh("restore");
    try {
      restoreInto(file, pg, PostgisDatabase.user(), source);
    } finally {
      PostgisDatabase.drop("restore");
    }
  }

  private void restoreInto(Path file, String url, String user, Map<String, List<String>> source) throws IOException {
    // command-line arguments: they win over application.yml and the environment
    try (ConfigurableApplicationContext target = new SpringApplicationBuilder(PlanmapApplication.class)
        .run("--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
            "--spring.datasource.password=", "--planmap.security.initial-admin-password=" + ADMIN)) {
      int port = Integer.parseInt(target.getEnvironment().getProperty("local.server.port"));
      assertThat(target.getEnvironment().getProperty("spring.datasource.url")).isEqualTo(url);
      JdbcTemplate db = target.getBean(JdbcTemplate.class);
      BackupHttp to = new BackupHttp(port);
      assertThat(TableRows.of(db)).as("a fresh instance differs from the source").isNotEqualTo(source);

      BackupHttp.Response r = to.upload("/api/admin/restore", "admin", ADMIN, "backup.gpkg", Files.readAllBytes(file));
      assertThat(r.status()).as(r.text()).isEqualTo(200);
      assertThat(r.text()).contains("\"parcel\":" + source.get("parcel").size());
      assertSame(source, TableRows.of(db), url);

      // the shipped geodata loaded again (as at the next start) leaves the restored data alone
      GeodataLoader.Report reload = target.getBean(GeodataLoader.class).load();
      assertThat(reload.loaded()).isZero();
      assertSame(source, TableRows.of(db), url + " after the loader ran again");

      // the restored planner signs in and edits on; the history goes on after the restored ids
      long maxHistory = db.queryForObject("SELECT MAX(id) FROM feature_history", Long.class);
      Http.Response more = new Http(port).send("POST", "/api/edit/parcels",
          parcel(square(86.1021, 41.7961, 86.1032, 41.7972), "1101", "丁地块"), Http.basic("backup-planner", PASSWORD));
      assertThat(more.status()).as(more.body()).isEqualTo(201);
      assertThat(db.queryForObject("SELECT MAX(id) FROM feature_history", Long.class)).isEqualTo(maxHistory + 1);
      if (url.startsWith("jdbc:h2:")) {
        db.execute("SHUTDOWN");
      }
    }
  }

  private static void assertSame(Map<String, List<String>> expected, Map<String, List<String>> actual, String where) {
    assertThat(actual.keySet()).as(where).isEqualTo(expected.keySet());
    for (String t : expected.keySet()) {
      assertThat(actual.get(t)).as(where + ": table " + t).hasSize(expected.get(t).size());
      assertThat(actual.get(t)).as(where + ": table " + t).isEqualTo(expected.get(t));
    }
  }

  @Test
  void onlyAdminsBackUpAndRestore() {
    BackupHttp b = new BackupHttp(port);
    assertThat(b.get("/api/admin/backup", null, null).status()).isEqualTo(401);
    assertThat(b.get("/api/admin/backup", "backup-planner", PASSWORD).status()).isEqualTo(403);
    assertThat(b.get("/api/admin/backup", "backup-viewer", PASSWORD).status()).isEqualTo(403);
    byte[] any = "x".getBytes(StandardCharsets.UTF_8);
    assertThat(b.upload("/api/admin/restore", null, null, "b.gpkg", any).status()).isEqualTo(401);
    assertThat(b.upload("/api/admin/restore", "backup-planner", PASSWORD, "b.gpkg", any).status()).isEqualTo(403);
  }

  @Test
  void wrongFilesAndANonFreshInstanceAreRefusedAndNothingChanges() throws Exception {
    Path good = download();
    Map<String, List<String>> before = TableRows.of(jdbc);
    BackupHttp b = new BackupHttp(port);

    refused(b, "notes.gpkg", "just some text".getBytes(StandardCharsets.UTF_8), null, 400, "not a GeoPackage");
    BackupHttp.Response export = b.get("/api/exchange/export?collection=parks&format=gpkg", "admin", ADMIN);
    assertThat(export.status()).isEqualTo(200);
    refused(b, "parks.gpkg", export.body(), null, 400, "not a Planmap backup");
    refused(b, "old.gpkg", edited(good, "UPDATE planmap_backup SET value = '2' WHERE key = 'schema_version'"), "true",
        400, "schema version 2");
    refused(b, "newer.gpkg", edited(good, "UPDATE planmap_backup SET value = '9' WHERE key = 'format_version'"),
        "true", 400, "format version 9");
    refused(b, "partial.gpkg", edited(good, "DELETE FROM planmap_backup_table WHERE table_name = 'parcel'"), "true",
        400, "no table parcel");
    refused(b, "tampered.gpkg", edited(good, "UPDATE parcel SET far = 9.5 WHERE fid = 1"), "true", 400,
        "table parcel");
    refused(b, "bad.gpkg", edited(good, "UPDATE app_user SET enabled = 'yes' WHERE fid = 1"), "true", 400,
        "wrong kind");
    // this instance holds its users' edits: only an explicit replace restores over them
    BackupHttp.Response busy = refused(b, "good.gpkg", Files.readAllBytes(good), null, 409, "replace=true");
    assertThat(busy.text()).contains("not_empty").contains("changes in the edit history");
    assertThat(TableRows.of(jdbc)).isEqualTo(before);

    BackupHttp.Response again = b.upload("/api/admin/restore", "admin", ADMIN, "good.gpkg", Files.readAllBytes(good),
        "replace", "true");
    assertThat(again.status()).as(again.text()).isEqualTo(200);
    assertThat(TableRows.of(jdbc)).isEqualTo(before);
  }

  private BackupHttp.Response refused(BackupHttp b, String name, byte[] content, String replace, int status,
      String words) {
    BackupHttp.Response r = replace == null ? b.upload("/api/admin/restore", "admin", ADMIN, name, content)
        : b.upload("/api/admin/restore", "admin", ADMIN, name, content, "replace", replace);
    assertThat(r.status()).as(name + ": " + r.text()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.text()).as(name).contains(words);
    return r;
  }

  /** A copy of the backup changed with one SQL statement (sqlite-jdbc, as a hand with a SQLite tool would). */
  private byte[] edited(Path good, String sql) throws Exception {
    Path copy = Files.createTempFile(tmp, "edited", ".gpkg");
    Files.copy(good, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy); Statement s = c.createStatement()) {
      s.execute(sql);
    }
    return Files.readAllBytes(copy);
  }

  private Path download() throws IOException {
    BackupHttp.Response r = new BackupHttp(port).get("/api/admin/backup", "admin", ADMIN);
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    assertThat(r.contentType()).isEqualTo("application/geopackage+sqlite3");
    Path file = Files.createTempFile(tmp, "planmap-backup", ".gpkg");
    Files.write(file, r.body());
    return file;
  }

  private String created(String body) {
    Http.Response r = as("backup-planner", "POST", "/api/edit/parcels", body);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().path("id").asString();
  }

  Http.Response as(String user, String method, String path, String body, String... headers) {
    String[] auth = Http.basic(user, PASSWORD);
    String[] all = new String[headers.length + 2];
    System.arraycopy(auth, 0, all, 0, 2);
    System.arraycopy(headers, 0, all, 2, headers.length);
    return http.send(method, path, body, all);
  }

  static String square(double x0, double y0, double x1, double y1) {
    return "{\"type\":\"Polygon\",\"coordinates\":[[[" + x0 + "," + y0 + "],[" + x1 + "," + y0 + "],[" + x1 + "," + y1
        + "],[" + x0 + "," + y1 + "],[" + x0 + "," + y0 + "]]]}";
  }

  static String parcel(String geometry, String landUse, String name) {
    return "{\"geometry\":" + geometry + ",\"properties\":{\"park_id\":\"" + PARK + "\",\"land_use_code\":\"" + landUse
        + "\",\"far\":1.2,\"building_density\":45,\"green_ratio\":15,\"name\":\"" + name + "\"}}";
  }

  static String run(String... args) {
    try {
      Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor()).as(String.join(" ", args) + "\n" + out).isZero();
      return out;
    } catch (IOException e) {
      throw new IllegalStateException(args[0] + " is needed (apt-get install gdal-bin)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
