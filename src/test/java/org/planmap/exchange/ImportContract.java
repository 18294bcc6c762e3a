package org.planmap.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.planmap.plan.PlanCollections;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Imports of files written by ogr2ogr (GBK, ESRI .prj, Gauss-Krüger) and by Planmap's own export, and a corpus of
 * broken files: each refused with a clear problem JSON and the database exactly as before.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ImportContract {
  static final String PARCELS = """
      {"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"名称":"库尔勒上库一类工业用地A-01","land_use_c":"100101","容积率":1.25,"备注":"新疆·测试"},
       "geometry":{"type":"Polygon","coordinates":[[[86.01,41.61],[86.02,41.61],[86.02,41.62],[86.01,41.62],[86.01,41.61]]]}},
      {"type":"Feature","properties":{"名称":"物流仓储用地B-02","land_use_c":"1101","容积率":0.8,"备注":"孔雀河畔"},
       "geometry":{"type":"Polygon","coordinates":[[[86.03,41.61],[86.04,41.61],[86.04,41.62],[86.03,41.62],[86.03,41.61]]]}}
      ]}""";

  @LocalServerPort
  int port;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  ExchangeStore store;
  ExchangeHttp http;

  @BeforeEach
  void client() {
    http = new ExchangeHttp(port);
  }

  Map<String, String> checksums() {
    Map<String, String> out = new LinkedHashMap<>();
    PlanCollections.all().forEach(c -> {
      long[] v = store.countAndChecksum(c);
      out.put(c.id(), v[0] + "/" + v[1]);
    });
    return out;
  }

  JsonNode waitFor(JsonNode job) throws InterruptedException {
    JsonNode state = job;
    for (int i = 0; i < 600 && List.of("queued", "running").contains(state.path("status").asString()); i++) {
      Thread.sleep(50);
      state = http.get("/api/exchange/jobs/" + job.path("id").asString()).json();
    }
    return state;
  }

  /** ogr2ogr writes the GeoJSON as a GBK shapefile (CP936) in EPSG:4538, with GDAL's ESRI-style .prj. */
  static byte[] gbkGaussKrugerShapefile(Path dir, String geojson) throws Exception {
    Path src = dir.resolve("src.geojson");
    Files.writeString(src, geojson, StandardCharsets.UTF_8);
    Gdal.run("ogr2ogr", "-f", "ESRI Shapefile", "-lco", "ENCODING=CP936", "-s_srs", "EPSG:4490", "-t_srs",
        "EPSG:4538", dir.resolve("地块.shp").toString(), src.toString());
    return Zips.of(dir, "地块");
  }

  @Test
  void gbkGaussKrugerShapefileFromOgr2ogrIsPreviewedThenImported(@TempDir Path dir) throws Exception {
    byte[] zip = gbkGaussKrugerShapefile(dir, PARCELS);
    Map<String, String> before = checksums();
    ExchangeHttp.Response up = http.upload("/api/exchange/imports", "上库地块.zip", zip, "collection", "parcels");
    assertThat(up.status()).as(up.text()).isEqualTo(200);
    JsonNode p = up.json();
    assertThat(p.path("count").asLong()).isEqualTo(2);
    assertThat(p.path("layers").get(0).path("crs").asString()).contains("EPSG:4538");
    assertThat(p.path("layers").get(0).path("encoding").asString()).isEqualTo("GBK");
    assertThat(p.path("sampleRows").get(0).toString()).contains("库尔勒上库一类工业用地A-01", "新疆·测试");
    assertThat(p.path("extent").get(0).asDouble()).isCloseTo(86.01, within(1e-6));
    assertThat(p.path("problems")).isEmpty();
    assertThat(checksums()).as("a preview writes nothing").isEqualTo(before);
    String nameField = p.path("fields").get(0).path("name").asString();
    Map<String, Object> mapping = Map.of(nameField, "name", "land_use_c", "land_use_code");
    JsonNode done = waitFor(http.postJson("/api/exchange/imports/" + p.path("id").asString() + "/commit",
        Map.of("plan", "korla", "mapping", mapping, "kind", "industrial")).json());
    assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("done");
    assertThat(done.path("result").path("inserted").asLong()).isEqualTo(2);
    String sourceFile = "import:" + p.path("id").asString();
    List<Map<String, Object>> rows = jdbc.queryForList("SELECT name, land_use_code, position_accuracy, source_doc,"
        + " plan_id, kind, far, notes, ST_XMin(geom) AS x, ST_YMin(geom) AS y FROM parcel WHERE source_file = ? ORDER BY name",
        sourceFile);
    assertThat(rows).hasSize(2);
    Map<String, Object> a = rows.get(0);
    assertThat(a.get("name")).isEqualTo("库尔勒上库一类工业用地A-01");
    assertThat(a.get("land_use_code")).isEqualTo("100101");
    assertThat(a.get("position_accuracy")).isEqualTo("imported");
    assertThat(a.get("source_doc")).isEqualTo("上库地块.zip");
    assertThat(a.get("plan_id")).isEqualTo("korla");
    assertThat(p.path("mapping").path("容积率").asString()).as("Chinese labels map to columns").isEqualTo("far");
    assertThat(((Number) a.get("far")).doubleValue()).isEqualTo(1.25);
    assertThat(a.get("notes")).isEqualTo("新疆·测试");
    assertThat(((Number) a.get("x")).doubleValue()).isCloseTo(86.01, within(1e-7));
    assertThat(((Number) a.get("y")).doubleValue()).isCloseTo(41.61, within(1e-7));
    jdbc.update("DELETE FROM parcel WHERE source_file = ?", sourceFile);
  }

  @Test
  void aZipWithGbkEntryNamesFromChineseWindowsIsRead(@TempDir Path dir) throws Exception {
    gbkGaussKrugerShapefile(dir, PARCELS);
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
    try (var z = new java.util.zip.ZipOutputStream(b, java.nio.charset.Charset.forName("GBK"));
        var files = Files.list(dir)) {
      for (Path p : files.filter(p -> p.getFileName().toString().startsWith("地块")).toList()) {
        z.putNextEntry(new java.util.zip.ZipEntry("规划/" + p.getFileName()));
        Files.copy(p, z);
        z.closeEntry();
      }
    }
    JsonNode p = http.upload("/api/exchange/imports", "地块.zip", b.toByteArray(), "collection", "parcels").json();
    assertThat(p.path("count").asLong()).as(p.toString()).isEqualTo(2);
    assertThat(p.path("layers").get(0).path("name").asString()).isEqualTo("地块.shp");
    http.delete("/api/exchange/imports/" + p.path("id").asString());
  }

  @Test
  void planmapsOwnExportsComeBackWhole(@TempDir Path dir) throws Exception {
    long korla = jdbc.queryForObject("SELECT COUNT(*) FROM scenic_spot WHERE plan_id = 'korla'", Long.class);
    for (String q : List.of("format=shp&encoding=GBK&crs=gk", "format=shp&encoding=UTF-8&crs=EPSG:4490",
        "format=geojson", "format=gpkg&crs=gk", "format=kml")) {
      ExchangeHttp.Response file = http.get("/api/exchange/export?collection=scenic_spots&plan=korla&" + q);
      String name = file.contentType().contains("zip") ? "景点.zip" : file.contentType().contains("geopackage")
          ? "景点.gpkg" : file.contentType().contains("kml") ? "景点.kml" : "景点.geojson";
      JsonNode p = http.upload("/api/exchange/imports", name, file.body(), "collection", "scenic_spots").json();
      assertThat(p.path("count").asLong()).as(q + " " + p).isEqualTo(korla);
      assertThat(p.path("problems")).as(q).isEmpty();
      JsonNode done = waitFor(http.postJson("/api/exchange/imports/" + p.path("id").asString() + "/commit",
          Map.of("plan", "korla")).json());
      assertThat(done.path("status").asString()).as(q + " " + done).isEqualTo("done");
      String sf = "import:" + p.path("id").asString();
      assertThat(jdbc.queryForList("SELECT name FROM scenic_spot WHERE source_file = ? ORDER BY name", String.class, sf))
          .as(q).isEqualTo(jdbc.queryForList("SELECT name FROM scenic_spot WHERE plan_id = 'korla' AND source_file"
              + " NOT LIKE 'import:%' ORDER BY name", String.class));
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM scenic_spot WHERE source_file = ? AND source_text IS NOT NULL",
          Long.class, sf)).as(q + ": mapped back from short field names").isEqualTo(korla);
      jdbc.update("DELETE FROM scenic_spot WHERE source_file = ?", sf);
    }
  }

  static List<ImportCorpus.Case> corpus() throws Exception {
    return ImportCorpus.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void brokenFilesAreRefusedClearlyAndNothingIsStored(ImportCorpus.Case c) {
    Map<String, String> before = checksums();
    ExchangeHttp.Response r = http.upload("/api/exchange/imports", c.fileName(), c.content(), "collection", "parcels");
    assertThat(r.status()).as(r.text()).isEqualTo(c.status());
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().path("detail").asString()).contains(c.words());
    assertThat(r.text()).doesNotContain("Exception", "SQL statement", "INSERT");
    assertThat(checksums()).isEqualTo(before);
  }

  @Test
  void mixedGeometryAndEmptyFilesArePreviewedWithTheProblemAndRefusedOnCommit() {
    String mixed = """
        {"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"name":"点"},"geometry":{"type":"Point","coordinates":[86.1,41.7]}},
        {"type":"Feature","properties":{"name":"面"},"geometry":{"type":"Polygon","coordinates":[[[86.0,41.6],[86.1,41.6],[86.1,41.7],[86.0,41.6]]]}}]}""";
    String empty = "{\"type\":\"FeatureCollection\",\"features\":[]}";
    Map<String, String> before = checksums();
    for (String[] f : new String[][] {{mixed, "holds polygons only"}, {empty, "no features"}}) {
      JsonNode p = http.upload("/api/exchange/imports", "x.geojson", f[0].getBytes(StandardCharsets.UTF_8),
          "collection", "parcels").json();
      assertThat(p.path("problems").toString()).contains(f[1]);
      ExchangeHttp.Response refused = http.postJson("/api/exchange/imports/" + p.path("id").asString() + "/commit",
          Map.of("plan", "korla"));
      assertThat(refused.status()).isEqualTo(422);
      assertThat(refused.json().path("detail").asString()).contains(f[1], "Nothing was stored");
    }
    assertThat(checksums()).isEqualTo(before);
    assertThat(http.upload("/api/exchange/imports", "x.geojson", mixed.getBytes(StandardCharsets.UTF_8),
        "collection", "territories").status()).isEqualTo(400);
    assertThat(http.upload("/api/exchange/imports", "x.geojson", mixed.getBytes(StandardCharsets.UTF_8),
        "collection", "nope").status()).isEqualTo(404);
  }

  @Test
  void invalidGeometryIsReportedAndRepairedOnlyOnRequest() throws Exception {
    String bowtie = """
        {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"自相交地块"},
        "geometry":{"type":"Polygon","coordinates":[[[86.0,41.6],[86.1,41.7],[86.1,41.6],[86.0,41.7],[86.0,41.6]]]}}]}""";
    Map<String, String> before = checksums();
    JsonNode p = http.upload("/api/exchange/imports", "bowtie.geojson", bowtie.getBytes(StandardCharsets.UTF_8),
        "collection", "parcels").json();
    assertThat(p.path("invalid").asLong()).isEqualTo(1);
    assertThat(p.path("invalidExamples").get(0).asString()).contains("Self-intersection");
    ExchangeHttp.Response refused = http.postJson("/api/exchange/imports/" + p.path("id").asString() + "/commit",
        Map.of("plan", "korla"));
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().path("detail").asString()).contains("repair=true", "Nothing was stored");
    assertThat(checksums()).isEqualTo(before);
    JsonNode done = waitFor(http.postJson("/api/exchange/imports/" + p.path("id").asString() + "/commit",
        Map.of("plan", "korla", "repair", true)).json());
    assertThat(done.path("result").path("repaired").asLong()).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM parcel WHERE source_file = ?", Long.class,
        "import:" + p.path("id").asString())).isEqualTo(1);
    jdbc.update("DELETE FROM parcel WHERE source_file = ?", "import:" + p.path("id").asString());
  }

  @Test
  void aBadValueLateInTheFileLeavesNothingStored() throws Exception {
    StringBuilder sb = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
    for (int i = 0; i < 1500; i++) {
      sb.append(i == 0 ? "" : ",").append("{\"type\":\"Feature\",\"properties\":{\"name\":\"地块").append(i)
          .append("\",\"far\":").append(i == 1499 ? "\"很高\"" : "1.5").append("},\"geometry\":{\"type\":\"Point\","
              + "\"coordinates\":[86.1,41.7]}}");
    }
    sb.append("]}");
    Map<String, String> before = checksums();
    JsonNode p = http.upload("/api/exchange/imports", "many.geojson", sb.toString().getBytes(StandardCharsets.UTF_8),
        "collection", "projects").json();
    assertThat(p.path("count").asLong()).isEqualTo(1500);
    JsonNode done = waitFor(http.postJson("/api/exchange/imports/" + p.path("id").asString() + "/commit",
        Map.of("plan", "korla", "mapping", Map.of("far", "investment_yi"))).json());
    assertThat(done.path("status").asString()).isEqualTo("failed");
    assertThat(done.path("errorStatus").asInt()).isEqualTo(422);
    assertThat(done.path("message").asString()).contains("很高", "is not a number", "nothing was stored");
    assertThat(checksums()).isEqualTo(before);
  }

  /**
   * The database itself refuses feature 4000 (a land-use code longer than its column) after thousands of good rows
   * have been sent (with COPY on PostGIS, in several chunks): the job fails in plain words, naming the feature, and
   * not one row is left behind.
   */
  @Test
  void aFeatureTheDatabaseRefusesAfterThousandsOfGoodOnesLeavesNoRowBehind() throws Exception {
    StringBuilder sb = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
    for (int i = 1; i <= 5000; i++) {
      double x = 86.0 + (i % 100) * 0.001;
      double y = 41.6 + (i / 100) * 0.001;
      sb.append(i == 1 ? "" : ",").append("{\"type\":\"Feature\",\"properties\":{\"name\":\"地块\\t").append(i)
          .append("\\\\n\",\"land_use_code\":\"").append(i == 4000 ? "1001011001010101" : "100101")
          .append("\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[").append(x).append(',').append(y)
          .append("],[").append(x + 0.0008).append(',').append(y).append("],[").append(x + 0.0008).append(',')
          .append(y + 0.0008).append("],[").append(x).append(',').append(y).append("]]]}}");
    }
    sb.append("]}");
    Map<String, String> before = checksums();
    JsonNode p = http.upload("/api/exchange/imports", "many.geojson", sb.toString().getBytes(StandardCharsets.UTF_8),
        "collection", "parcels").json();
    assertThat(p.path("count").asLong()).as(p.toString()).isEqualTo(5000);
    assertThat(p.path("problems")).isEmpty();
    JsonNode done = waitFor(http.postJson("/api/exchange/imports/" + p.path("id").asString() + "/commit",
        Map.of("plan", "korla")).json());
    assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("failed");
    assertThat(done.path("errorStatus").asInt()).isEqualTo(422);
    assertThat(done.path("message").asString()).contains("refused", "nothing was stored");
    if (org.planmap.geo.Dialect.of(jdbc.getDataSource()) == org.planmap.geo.Dialect.POSTGIS) {
      assertThat(done.path("message").asString()).as("COPY names the line").contains("feature 4000", "too long");
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM parcel WHERE source_file = ?", Long.class,
        "import:" + p.path("id").asString())).isZero();
    assertThat(checksums()).isEqualTo(before);
  }

  /** Text with tabs, backslashes and newlines, and every kind of value, arrives exactly as sent. */
  @Test
  void awkwardTextAndNumbersArriveExactly() throws Exception {
    String text = "制表\\t符\\\\反斜杠\\n换行\\r回车 'quote' \\\"双引号\\\" \\\\N";
    String geojson = """
        {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"%s","far":1.0E-7,
        "height_limit":123456789.125,"source_line":42,"outside_territory":true,"extra":"额外"},
        "geometry":{"type":"Polygon","coordinates":[[[86.01,41.61],[86.02,41.61],[86.02,41.62],[86.01,41.61]]]}}]}"""
        .formatted(text);
    JsonNode p = http.upload("/api/exchange/imports", "odd.geojson", geojson.getBytes(StandardCharsets.UTF_8),
        "collection", "parcels").json();
    JsonNode done = waitFor(http.postJson("/api/exchange/imports/" + p.path("id").asString() + "/commit",
        Map.of("plan", "korla", "mapping", Map.of("source_line", "attrs:line", "outside_territory",
            "outside_territory"))).json());
    assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("done");
    String sf = "import:" + p.path("id").asString();
    Map<String, Object> row = jdbc.queryForMap("SELECT name, far, height_limit, outside_territory, attrs,"
        + " ST_AsText(geom) AS wkt, ST_SRID(geom) AS srid FROM parcel WHERE source_file = ?", sf);
    assertThat(row.get("name")).isEqualTo(ExchangeHttp.JSON.readTree("\"" + text + "\"").asString());
    assertThat(((Number) row.get("far")).doubleValue()).isEqualTo(1.0E-7);
    assertThat(((Number) row.get("height_limit")).doubleValue()).isEqualTo(123456789.125);
    assertThat(row.get("outside_territory")).isEqualTo(true);
    assertThat(row.get("attrs").toString()).contains("\"line\":42", "\"extra\":\"额外\"");
    assertThat(row.get("wkt").toString().replaceAll("\\s*([(),])\\s*", "$1"))
        .isEqualTo("POLYGON((86.01 41.61,86.02 41.61,86.02 41.62,86.01 41.61))");
    assertThat(((Number) row.get("srid")).intValue()).isEqualTo(4326);
    jdbc.update("DELETE FROM parcel WHERE source_file = ?", sf);
  }
}
