package org.planmap.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planmap.support.H2gisStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * QGIS (Debian python3-qgis, run headless) opens the exports with the right CRS and attributes: a GBK shapefile
 * in the plan's Gauss-Krüger zone, a UTF-8 CGCS2000 shapefile, a GeoPackage and GeoJSON. Fails loudly without QGIS.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExportQgisTest {
  @LocalServerPort
  int port;
  @Autowired
  JdbcTemplate jdbc;

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    H2gisStore.register(registry);
  }

  @Test
  void qgisOpensEveryExportWithTheRightCrsAndChineseAttributes(@TempDir Path dir) throws Exception {
    ExchangeHttp http = new ExchangeHttp(port);
    long count = jdbc.queryForObject("SELECT COUNT(*) FROM park WHERE plan_id = 'tacheng' AND geom IS NOT NULL",
        Long.class);
    String firstName = jdbc.queryForObject("SELECT name FROM park WHERE plan_id = 'tacheng' AND geom IS NOT NULL"
        + " ORDER BY id LIMIT 1", String.class);
    Gdal.unzip(http.get("/api/exchange/export?collection=parks&plan=tacheng&encoding=GBK&crs=gk").body(),
        Files.createDirectories(dir.resolve("gk")));
    Gdal.unzip(http.get("/api/exchange/export?collection=parks&plan=tacheng&crs=EPSG:4490").body(),
        Files.createDirectories(dir.resolve("cgcs")));
    Files.write(dir.resolve("parks.gpkg"), http.get("/api/exchange/export?collection=parks&plan=tacheng&format=gpkg"
        + "&crs=gk").body());
    Files.write(dir.resolve("parks.geojson"), http.get("/api/exchange/export?collection=parks&plan=tacheng"
        + "&format=geojson").body());
    List<Path> layers = new ArrayList<>();
    for (String sub : List.of("gk", "cgcs")) {
      try (var s = Files.list(dir.resolve(sub))) {
        s.filter(p -> p.toString().endsWith(".shp")).sorted().forEach(layers::add);
      }
    }
    layers.add(dir.resolve("parks.gpkg"));
    layers.add(dir.resolve("parks.geojson"));
    JsonNode out = qgis(layers);
    long shpGk = 0;
    long shpCgcs = 0;
    for (JsonNode l : out) {
      String path = l.path("path").asString();
      assertThat(l.path("valid").asBoolean()).as(path).isTrue();
      String expected = path.contains("/cgcs/") ? "EPSG:4490" : path.endsWith(".geojson") ? "EPSG:4326" : "EPSG:4537";
      assertThat(l.path("crs").asString()).as(path).isEqualTo(expected);
      if (path.contains("/gk/")) {
        shpGk += l.path("count").asLong();
        assertThat(l.path("encoding").asString()).as(path).isEqualTo("GBK");
      }
      if (path.contains("/cgcs/")) {
        shpCgcs += l.path("count").asLong();
      }
      if (!path.endsWith(".shp")) {
        assertThat(l.path("count").asLong()).as(path).isGreaterThanOrEqualTo(count);
        assertThat(l.path("features").toString()).as(path).contains(firstName);
      }
      assertThat(l.path("fields").toString()).contains("name");
    }
    assertThat(shpGk).isEqualTo(count);
    assertThat(shpCgcs).isEqualTo(count);
    assertThat(out.toString()).contains(firstName);
  }

  private static JsonNode qgis(List<Path> layers) throws IOException, InterruptedException {
    Path script = Path.of("src/test/resources/qgis/read_layers.py").toAbsolutePath();
    List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", script.toString()));
    layers.forEach(p -> cmd.add(p.toString()));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("QT_QPA_PLATFORM", "offscreen");
    pb.environment().put("XDG_RUNTIME_DIR", Files.createTempDirectory("qgis-runtime").toString());
    Process p = pb.start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as("QGIS (apt-get install python3-qgis) failed: " + text).isZero();
    String json = text.lines().filter(l -> l.startsWith("[")).reduce((a, b) -> b).orElse("[]");
    return ExchangeHttp.JSON.readTree(json);
  }
}
