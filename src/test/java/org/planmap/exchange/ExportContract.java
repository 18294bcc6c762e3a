package org.planmap.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Every export format read back by GDAL (ogr2ogr, gdalsrsinfo, gdaltransform): feature counts, Chinese values,
 * numbers and coordinates (1 cm in the projected CRS), in UTF-8 and GBK, EPSG:4326, 4490 and a Gauss-Krüger zone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ExportContract {
  static final String LONG_TEXT = "库尔勒市依托石油石化产业基础，" + "建设现代化工业园区与物流枢纽，".repeat(30) + "完。";
  static final double LON = 86.1512345678;
  static final double LAT = 41.7623456789;

  @LocalServerPort
  int port;
  @Autowired
  JdbcTemplate jdbc;
  ExchangeHttp http;

  @BeforeEach
  void fixture() {
    http = new ExchangeHttp(port);
    jdbc.update("DELETE FROM project WHERE source_file = 'test:export'");
    insert("exp-point", "孔雀河滨水文旅项目", "POINT(" + LON + " " + LAT + ")", "{\"负责单位\":\"库尔勒市文旅局\",\"规模\":3.5}");
    insert("exp-line", "库尔勒—尉犁快速路（测试）", "LINESTRING(86.10 41.70, 86.20 41.75, 86.30 41.80)", null);
    insert("exp-poly", "上库高新区“新材料”产业园 & <地块>", "POLYGON((86.0 41.6, 86.1 41.6, 86.1 41.7, 86.0 41.7, 86.0 41.6))",
        null);
    insert("exp-none", "待定位项目", null, null);
  }

  private void insert(String id, String name, String wkt, String attrs) {
    jdbc.update("INSERT INTO project (id, plan_id, name, aliases, kind, source_doc, source_line, source_text,"
        + " position_accuracy, notes, source_file, sector, investment_yi, period, attrs, geom) VALUES (?, 'korla', ?,"
        + " '[\"别名一\",\"别名二\"]', 'project', '004_a776c7e4979ba16a.txt', 42, ?, ?, NULL, 'test:export', '新材料',"
        + " 12.3456789, '2021-2025', ?, " + (wkt == null ? "NULL" : "ST_GeomFromText('" + wkt + "', 4326)") + ")",
        id, name, LONG_TEXT, wkt == null ? "unlocated" : "schematic", attrs);
  }

  long korlaProjects() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM project WHERE plan_id = 'korla'", Long.class);
  }

  @ParameterizedTest
  @CsvSource({"UTF-8,EPSG:4326,4326", "GBK,EPSG:4326,4326", "UTF-8,EPSG:4490,4490", "GBK,EPSG:4490,4490",
      "UTF-8,gk,4538", "GBK,gk,4538", "GBK,EPSG:4517,4517"})
  void shapefileRoundTripsThroughGdal(String encoding, String crs, int epsg, @TempDir Path dir) throws Exception {
    ExchangeHttp.Response r = http.get("/api/exchange/export?collection=projects&plan=korla&format=shp&encoding="
        + encoding + "&crs=" + crs);
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("application/zip");
    List<Path> files = Gdal.unzip(r.body(), dir);
    assertThat(files).extracting(p -> p.getFileName().toString()).contains("projects_point.shp",
        "projects_point.shx", "projects_point.dbf", "projects_point.prj", "projects_point.cpg", "projects_line.shp",
        "projects_polygon.shp", "projects_nogeom.dbf", "projects_fields.csv", "README.txt");
    assertThat(Gdal.epsg(dir.resolve("projects_point.prj"))).isEqualTo("EPSG:" + epsg);
    Map<String, JsonNode> byId = new HashMap<>();
    for (Path p : files) {
      String n = p.getFileName().toString();
      if (n.endsWith(".shp") || n.equals("projects_nogeom.dbf")) {
        Gdal.read(p).path("features").forEach(f -> byId.put(f.path("properties").path("id").asString(), f));
      }
    }
    assertThat(byId).hasSize((int) korlaProjects());
    Charset cs = ExportEncoding.parse(encoding).charset();
    JsonNode point = byId.get("exp-point").path("properties");
    assertThat(point.path("name").asString()).isEqualTo("孔雀河滨水文旅项目");
    assertThat(point.path("invest_yi").asDouble()).isEqualTo(12.3456789);
    assertThat(point.path("src_line").asInt()).isEqualTo(42);
    assertThat(point.path("aliases").toString()).contains("别名一", "别名二");
    String cut = point.path("src_text").asString();
    assertThat(LONG_TEXT).startsWith(cut);
    assertThat(cut.getBytes(cs).length).isLessThanOrEqualTo(254).isGreaterThan(254 - 4);
    assertThat(byId.get("exp-poly").path("properties").path("name").asString()).isEqualTo("上库高新区“新材料”产业园 & <地块>");
    assertThat(byId.get("exp-none").path("properties").path("name").asString()).isEqualTo("待定位项目");
    assertThat(Files.readString(dir.resolve("README.txt"))).contains("EPSG:" + epsg, "cut between characters");
    String fields = Files.readString(dir.resolve("projects_fields.csv"));
    assertThat(fields).contains("invest_yi,investment_yi,投资（亿元）").contains("attrs.负责单位,负责单位");
    String attrField = fields.lines().filter(l -> l.contains("attrs.负责单位")).findFirst().orElseThrow().split(",")[0];
    assertThat(point.path(attrField).asString()).isEqualTo("库尔勒市文旅局");
    assertCoordinates(byId.get("exp-point").path("geometry").path("coordinates"), epsg);
  }

  private void assertCoordinates(JsonNode xy, int epsg) throws Exception {
    if (epsg == 4326 || epsg == 4490) {
      assertThat(xy.get(0).asDouble()).isCloseTo(LON, within(1e-7));
      assertThat(xy.get(1).asDouble()).isCloseTo(LAT, within(1e-7));
    } else {
      double[] expected = Gdal.project(LON, LAT, epsg);
      assertThat(xy.get(0).asDouble()).isCloseTo(expected[0], within(0.01));
      assertThat(xy.get(1).asDouble()).isCloseTo(expected[1], within(0.01));
    }
  }

  @ParameterizedTest
  @CsvSource({"geojson,UTF-8,EPSG:4326,4326,geojson", "gpkg,UTF-8,EPSG:4326,4326,gpkg", "gpkg,UTF-8,EPSG:4490,4490,gpkg",
      "gpkg,UTF-8,gk,4538,gpkg", "kml,UTF-8,EPSG:4326,4326,kml", "csv,UTF-8,gk,4538,csv", "csv,GBK,EPSG:4490,4490,csv"})
  void otherFormatsRoundTripThroughGdal(String format, String encoding, String crs, int epsg, String ext,
      @TempDir Path dir) throws Exception {
    ExchangeHttp.Response r = http.get("/api/exchange/export?collection=projects&plan=korla&format=" + format
        + "&encoding=" + encoding + "&crs=" + crs);
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    Path file = dir.resolve("projects." + ext);
    Files.write(file, r.body());
    String[] open = format.equals("csv")
        ? new String[] {"-oo", "GEOM_POSSIBLE_NAMES=WKT", "-oo", "KEEP_GEOM_COLUMNS=NO", "-oo",
            "AUTODETECT_TYPE=YES", "-a_srs", "EPSG:" + epsg}
        : new String[0];
    if (format.equals("csv") && encoding.equals("GBK")) {
      Path utf8 = dir.resolve("utf8.csv");
      Files.writeString(utf8, new String(r.body(), Charset.forName("GBK")));
      file = utf8;
    }
    JsonNode fc = Gdal.read(file, open);
    Map<String, JsonNode> byId = new HashMap<>();
    fc.path("features").forEach(f -> byId.put(f.path("properties").path("id").asString(f.path("id").asString()), f));
    assertThat(byId).hasSize((int) korlaProjects());
    JsonNode point = byId.get("exp-point").path("properties");
    String name = format.equals("kml") ? "Name" : "name";
    assertThat(point.path(name).asString()).isEqualTo("孔雀河滨水文旅项目");
    assertThat(point.path("investment_yi").asDouble()).isEqualTo(12.3456789);
    assertThat(point.path("source_text").asString()).isEqualTo(LONG_TEXT);
    if (format.equals("kml")) {
      assertThat(point.toString()).contains("\"库尔勒市文旅局\"");
    } else {
      assertThat(point.path("负责单位").asString()).isEqualTo("库尔勒市文旅局");
    }
    assertThat(byId.get("exp-poly").path("properties").path(name).asString()).isEqualTo("上库高新区“新材料”产业园 & <地块>");
    if (!format.equals("csv") && !format.equals("kml")) {
      assertThat(Gdal.run("ogrinfo", "-ro", "-so", "-al", file.toString())).contains(
          epsg == 4326 ? "WGS 84" : epsg == 4490 ? "China Geodetic Coordinate System 2000" : "Gauss-Kruger");
    }
    assertCoordinates(byId.get("exp-point").path("geometry").path("coordinates"), epsg);
  }

  @Test
  void filtersByBboxParkAndTerritory(@TempDir Path dir) throws Exception {
    JsonNode one = http.get("/api/exchange/export?collection=projects&format=geojson&bbox=86.1512,41.7623,86.1513,41.7624")
        .json();
    assertThat(one.path("features")).hasSize(1);
    assertThat(one.path("features").get(0).path("id").asString()).isEqualTo("exp-point");
    String park = jdbc.queryForObject("SELECT MIN(id) FROM park WHERE plan_id = 'korla'", String.class);
    jdbc.update("UPDATE project SET park_id = ? WHERE id = 'exp-line'", park);
    long inPark = jdbc.queryForObject("SELECT COUNT(*) FROM project WHERE park_id = ?", Long.class, park);
    assertThat(http.get("/api/exchange/export?collection=projects&format=geojson&park=" + park).json()
        .path("features")).hasSize((int) inPark);
    String county = jdbc.queryForObject("SELECT MIN(id) FROM territory WHERE plan_id = 'korla' AND ST_Dimension(geom) = 2",
        String.class);
    long inCounty = jdbc.queryForObject("SELECT COUNT(*) FROM project WHERE ST_Intersects(geom,"
        + " (SELECT geom FROM territory WHERE id = ?))", Long.class, county);
    JsonNode territory = http.get("/api/exchange/export?collection=projects&format=geojson&territory=" + county).json();
    assertThat(territory.path("features")).hasSize((int) inCounty);
    assertThat(inCounty).isGreaterThan(0);
  }

  @Test
  void mistakesAreProblemJson() {
    ExchangeHttp.Response unknown = http.get("/api/exchange/export?collection=nope");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.contentType()).startsWith("application/problem+json");
    ExchangeHttp.Response geojson = http.get("/api/exchange/export?collection=parks&format=geojson&crs=EPSG:4490");
    assertThat(geojson.status()).isEqualTo(400);
    assertThat(geojson.json().path("detail").asString()).contains("WGS84");
    assertThat(http.get("/api/exchange/export?collection=parks&encoding=latin1").status()).isEqualTo(400);
    assertThat(http.get("/api/exchange/export?collection=parks&crs=EPSG:3857").status()).isEqualTo(400);
    assertThat(http.get("/api/exchange/export?collection=parks&plan=nowhere").status()).isEqualTo(404);
    assertThat(http.get("/api/exchange/export?collection=parks&bbox=1,2,3").status()).isEqualTo(400);
  }

  @Test
  void exportRunsAsABackgroundJobWithProgress() throws Exception {
    JsonNode job = http.postJson("/api/exchange/exports", Map.of("collection", "projects", "format", "shp",
        "crs", "gk", "plan", "korla")).json();
    String id = job.path("id").asString();
    JsonNode state = job;
    for (int i = 0; i < 200 && !state.path("status").asString().equals("done"); i++) {
      Thread.sleep(50);
      state = http.get("/api/exchange/jobs/" + id).json();
    }
    assertThat(state.path("status").asString()).isEqualTo("done");
    assertThat(state.path("percent").asInt()).isEqualTo(100);
    assertThat(state.path("total").asLong()).isEqualTo(korlaProjects());
    ExchangeHttp.Response file = http.get(state.path("download").asString());
    assertThat(file.status()).isEqualTo(200);
    assertThat(file.body().length).isGreaterThan(100);
    assertThat(http.get("/api/exchange/jobs/nope").status()).isEqualTo(404);
  }
}
