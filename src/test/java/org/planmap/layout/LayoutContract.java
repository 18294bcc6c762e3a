package org.planmap.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.planmap.security.AdminService;
import org.planmap.security.Role;
import org.planmap.support.ApiTest;
import org.planmap.support.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Park layout editing end to end over HTTP, on both stores: rights, validation (422, nothing stored), areas,
 * versions (412/428), history and restore, the balance table.
 */
abstract class LayoutContract extends ApiTest {
  static final String PASSWORD = "correct-horse-battery";
  /** A park in Korla (a point in the shipped data) that the tests give an outline. */
  static final String PARK = "korla-parks-shangku";
  /** A ~1.1 km x 1.1 km square around 86.10E 41.80N: inside 库尔勒市. */
  static final String OUTLINE = square(86.095, 41.795, 86.105, 41.805);

  @Autowired AdminService admin;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void users() {
    if (admin.list().stream().noneMatch(u -> u.username().equals("korla-planner"))) {
      admin.create(new AdminService.NewUser("korla-planner", PASSWORD, Role.PLANNER, Set.of("652801")));
      admin.create(new AdminService.NewUser("tacheng-planner", PASSWORD, Role.PLANNER, Set.of("654201", "654202")));
      admin.create(new AdminService.NewUser("viewer", PASSWORD, Role.VIEWER, Set.of()));
      admin.create(new AdminService.NewUser("root", PASSWORD, Role.ADMIN, Set.of()));
    }
    if (jdbc.queryForObject("SELECT COUNT(*) FROM park WHERE id = ?", Long.class, PARK) == 0) {
      throw new IllegalStateException("the shipped data no longer has park " + PARK);
    }
    JsonNode park = http.get("/ogcapi/collections/parks/items/" + PARK).json();
    if (!park.path("geometry").path("type").asString().equals("Polygon")) {
      Http.Response r = as("korla-planner", "PUT", "/api/edit/parks/" + PARK,
          "{\"geometry\":" + OUTLINE + "}", "If-Match", "\"" + park.path("properties").path("version").asInt() + "\"");
      assertThat(r.status()).as(r.body()).isEqualTo(200);
    }
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

  static String parcel(String geometry, String landUse) {
    return "{\"geometry\":" + geometry + ",\"properties\":{\"park_id\":\"" + PARK + "\",\"land_use_code\":\"" + landUse
        + "\",\"far\":1.2,\"building_density\":45,\"green_ratio\":15,\"name\":\"测试地块<b>x</b>\"}}";
  }

  long parcels() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM parcel", Long.class);
  }

  @Test
  void aPlannerDrawsAParcelAndGetsItsAreaAndVersion() {
    Http.Response r = as("korla-planner", "POST", "/api/edit/parcels", parcel(square(86.096, 41.796, 86.097, 41.797), "100101"));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.etag()).isEqualTo("\"1\"");
    JsonNode p = r.json().path("properties");
    assertThat(p.path("plan").asString()).isEqualTo("korla");
    assertThat(p.path("land_use_name").asString()).isEqualTo("一类工业用地");
    assertThat(p.path("position_accuracy").asString()).isEqualTo("drawn");
    assertThat(p.path("name").asString()).isEqualTo("测试地块<b>x</b>");
    // 0.001 deg x 0.001 deg at 41.8N is about 111 m x 83 m
    assertThat(p.path("area_m2").asDouble()).isBetween(9000.0, 9400.0);
  }

  @Test
  void rightsAreEnforced() {
    String body = parcel(square(86.098, 41.796, 86.099, 41.797), "1101");
    long before = parcels();
    assertThat(http.send("POST", "/api/edit/parcels", body).status()).isEqualTo(401);
    assertThat(as("viewer", "POST", "/api/edit/parcels", body).status()).isEqualTo(403);
    Http.Response other = as("tacheng-planner", "POST", "/api/edit/parcels", body);
    assertThat(other.status()).isEqualTo(403);
    assertThat(other.contentType()).startsWith("application/problem+json");
    assertThat(parcels()).isEqualTo(before);
    assertThat(as("root", "POST", "/api/edit/parcels", body).status()).isEqualTo(201);
    assertThat(as("korla-planner", "GET", "/api/admin/users", null).status()).isEqualTo(403);
    assertThat(as("root", "GET", "/api/admin/users", null).status()).isEqualTo(200);
  }

  @Test
  void everyRuleAnswers422AndStoresNothing() {
    String[][] cases = {
        {parcel(square(86.09, 41.79, 86.0952, 41.7952), "1001"), "outside its park"},
        {parcel(square(86.1, 41.8, 86.10005, 41.80005), "1001"), "smallest accepted"},
        {parcel(square(86.1001, 41.8001, 86.1011, 41.8011), "9999"), "用地用海分类"},
        {parcel("{\"type\":\"Polygon\",\"coordinates\":[[[86.1,41.8],[86.101,41.801],[86.101,41.8],[86.1,41.801],[86.1,41.8]]]}", "1001"), "not valid"},
        {parcel("{\"type\":\"LineString\",\"coordinates\":[[86.1,41.8],[86.101,41.801]]}", "1001"), "take [Polygon]"},
        {parcel("{\"type\":\"Polygon\",\"coordinates\":[[[1e10,41.8],[86.101,41.801],[86.101,41.8],[1e10,41.8]]]}", "1001"), "longitude/latitude"},
        {parcel(square(86.1001, 41.8001, 86.1011, 41.8011), "1001").replace("\"far\":1.2", "\"far\":99"), "far must be"},
    };
    long before = parcels();
    for (String[] c : cases) {
      Http.Response r = as("korla-planner", "POST", "/api/edit/parcels", c[0]);
      assertThat(r.status()).as(c[1] + ": " + r.body()).isEqualTo(422);
      assertThat(r.json().path("detail").asString()).contains(c[1]);
    }
    assertThat(parcels()).isEqualTo(before);
    // overlap with an existing parcel, with the location of the overlap
    assertThat(as("korla-planner", "POST", "/api/edit/parcels", parcel(square(86.102, 41.802, 86.103, 41.803), "1001"))
        .status()).isEqualTo(201);
    Http.Response overlap = as("korla-planner", "POST", "/api/edit/parcels",
        parcel(square(86.1025, 41.8025, 86.1035, 41.8035), "1001"));
    assertThat(overlap.status()).isEqualTo(422);
    assertThat(overlap.json().path("detail").asString()).contains("overlaps parcel");
    assertThat(overlap.json().path("location").size()).isEqualTo(2);
    assertThat(overlap.json().path("code").asString()).isEqualTo("overlap");
  }

  /** Values their column cannot take (text in a number, a 41-character kind) answered 500; position_accuracy is the server's. */
  @Test
  void valuesThatDoNotFitAnswer422AndStoreNothing() {
    String point = "{\"type\":\"Point\",\"coordinates\":[86.1,41.8]}";
    long before = jdbc.queryForObject("SELECT COUNT(*) FROM project", Long.class);
    Http.Response text = as("korla-planner", "POST", "/api/edit/projects",
        "{\"geometry\":" + point + ",\"properties\":{\"plan\":\"korla\",\"investment_yi\":\"many\"}}");
    assertThat(text.status()).as(text.body()).isEqualTo(422);
    assertThat(text.json().path("detail").asString()).contains("investment_yi 'many' is not a number");
    assertThat(text.json().path("field").asString()).isEqualTo("investment_yi");
    Http.Response longKind = as("korla-planner", "POST", "/api/edit/projects",
        "{\"geometry\":" + point + ",\"properties\":{\"plan\":\"korla\",\"kind\":\"" + "k".repeat(41) + "\"}}");
    assertThat(longKind.status()).as(longKind.body()).isEqualTo(422);
    assertThat(longKind.json().path("code").asString()).isEqualTo("bad_value");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM project", Long.class)).isEqualTo(before);
    Http.Response created = as("korla-planner", "POST", "/api/edit/projects",
        "{\"geometry\":" + point + ",\"properties\":{\"plan\":\"korla\",\"position_accuracy\":\"boundary-data\"}}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().path("properties").path("position_accuracy").asString()).isEqualTo("drawn");
    String id = created.json().path("id").asString();
    Http.Response cleared = as("korla-planner", "PUT", "/api/edit/projects/" + id,
        "{\"properties\":{\"position_accuracy\":null}}", "If-Match", "\"1\"");
    assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
    assertThat(cleared.json().path("properties").path("position_accuracy").asString()).isEqualTo("drawn");
  }

  @Test
  void staleWritesAreRefusedAndHistoryRestores() {
    Http.Response created = as("korla-planner", "POST", "/api/edit/parcels",
        parcel(square(86.100, 41.796, 86.101, 41.797), "0901"));
    String id = created.json().path("id").asString();
    String path = "/api/edit/parcels/" + id;
    assertThat(as("korla-planner", "PUT", path, "{\"properties\":{\"far\":2.5}}").status()).isEqualTo(428);
    Http.Response v2 = as("korla-planner", "PUT", path, "{\"properties\":{\"far\":2.5}}", "If-Match", "\"1\"");
    assertThat(v2.status()).as(v2.body()).isEqualTo(200);
    assertThat(v2.etag()).isEqualTo("\"2\"");
    assertThat(v2.json().path("properties").path("land_use_code").asString()).isEqualTo("0901");
    Http.Response stale = as("root", "PUT", path, "{\"properties\":{\"far\":3}}", "If-Match", "\"1\"");
    assertThat(stale.status()).isEqualTo(412);
    assertThat(stale.json().path("current").path("properties").path("far").asDouble()).isEqualTo(2.5);
    assertThat(as("korla-planner", "DELETE", path, null, "If-Match", "\"2\"").status()).isEqualTo(204);
    assertThat(http.get("/ogcapi/collections/parcels/items/" + id).status()).isEqualTo(404);
    JsonNode history = http.get(path + "/history").json();
    assertThat(history.size()).isEqualTo(3);
    assertThat(history.get(2).path("operation").asString()).isEqualTo("delete");
    Http.Response restored = as("korla-planner", "POST", path + "/restore?version=2", null);
    assertThat(restored.status()).as(restored.body()).isEqualTo(200);
    assertThat(restored.etag()).isEqualTo("\"4\"");
    assertThat(restored.json().path("properties").path("far").asDouble()).isEqualTo(2.5);
  }

  @Test
  void balanceTableSumsTheParcels() {
    as("korla-planner", "POST", "/api/edit/parcels", parcel(square(86.096, 41.803, 86.097, 41.804), "1202"));
    JsonNode t = http.get("/api/parks/" + PARK + "/balance").json();
    assertThat(t.path("parkArea").path("hectares").asDouble()).isBetween(85.0, 100.0);
    double sum = 0;
    for (JsonNode row : t.path("rows")) {
      if (row.path("level").asInt() == 1) {
        sum += row.path("hectares").asDouble();
      }
    }
    assertThat(sum).isCloseTo(t.path("parcelArea").path("hectares").asDouble(), org.assertj.core.data.Offset.offset(1e-9));
    Http.Response csv = http.get("/api/parks/" + PARK + "/balance.csv", "*/*");
    assertThat(csv.body()).startsWith("\uFEFF层级,用地代码,用地名称");
    assertThat(csv.body()).contains("公路用地");
    assertThat(http.get("/api/parks/" + PARK + "/balance.xlsx", "*/*").body()).startsWith("PK");
  }

  @Test
  void browserWritesNeedTheCsrfToken() {
    Http browser = new Http(port, true);
    browser.get("/api/me");
    String token = browser.cookie("XSRF-TOKEN");
    assertThat(token).isNotNull();
    Http.Response login = browser.send("POST", "/login", "username=korla-planner&password=" + PASSWORD,
        "Content-Type", "application/x-www-form-urlencoded", "X-XSRF-TOKEN", token);
    assertThat(login.status()).as(login.body()).isEqualTo(204);
    assertThat(browser.get("/api/me").json().path("username").asString()).isEqualTo("korla-planner");
    String body = parcel(square(86.1035, 41.796, 86.1045, 41.797), "1001");
    assertThat(browser.send("POST", "/api/edit/parcels", body).status()).isEqualTo(403);
    String fresh = browser.cookie("XSRF-TOKEN");
    assertThat(browser.send("POST", "/api/edit/parcels", body, "X-XSRF-TOKEN", fresh).status()).isEqualTo(201);
  }

  @Test
  void anEditRefreshesTheVectorTilesItTouches() {
    int z = 15;
    double lon = 86.1035;
    double lat = 41.7985;
    int x = (int) Math.floor((lon + 180) / 360 * (1 << z));
    double r = Math.toRadians(lat);
    int y = (int) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * (1 << z));
    String tile = "/tiles/parcels/" + z + "/" + x + "/" + y + ".pbf";
    Http.Response before = http.get(tile, "*/*");
    Http.Response created = as("korla-planner", "POST", "/api/edit/parcels",
        parcel(square(lon - 0.0004, lat - 0.0004, lon + 0.0004, lat + 0.0004), "1001"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().path("id").asString();
    assertThat(before.body()).doesNotContain(id);
    Http.Response after = http.get(tile, "*/*");
    assertThat(after.status()).isEqualTo(200);
    assertThat(after.body()).contains(id);
  }
}
