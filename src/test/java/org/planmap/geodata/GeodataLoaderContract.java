package org.planmap.geodata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planmap.boundary.TownshipAreas;
import org.planmap.config.PlanmapProperties;
import org.planmap.plan.PlanCollections;
import org.planmap.plan.PlanRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/** The start-up loader: idempotent, reloads exactly a changed file, unloads a removed one, all or nothing. */
@SpringBootTest
abstract class GeodataLoaderContract {
  @Autowired GeodataLoader loader;
  @Autowired PlanmapProperties properties;
  @Autowired GeodataFileRegistry registry;
  @Autowired FeatureTableWriter writer;
  @Autowired PlanRepository plans;
  @Autowired TownshipAreas townships;
  @Autowired TransactionTemplate tx;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;

  @Test
  void loadsTheFivePlansAndTheirTerritories() {
    assertThat(plans.findAll()).extracting(p -> p.id())
        .containsExactlyInAnyOrder("changji", "korla", "tacheng", "tashkurgan", "tekes");
    assertThat(count("territory WHERE plan_id = 'tacheng' AND adcode IS NOT NULL")).isEqualTo(7);
    for (String plan : List.of("tekes", "tashkurgan", "changji", "korla")) {
      assertThat(count("territory WHERE plan_id = '" + plan + "' AND adcode IS NOT NULL")).as(plan).isEqualTo(1);
    }
  }

  @Test
  void aSecondRunChangesNothing() {
    Map<String, Long> before = counts();
    GeodataLoader.Report again = loader.load();
    assertThat(again.loaded()).isZero();
    assertThat(again.removed()).isZero();
    assertThat(again.unchanged()).isGreaterThan(5);
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void aChangedFileReplacesItsRowsAndARemovedFileIsUnloaded(@TempDir Path copy) throws IOException {
    Map<String, Long> before = counts();
    copyTree(properties.geodataDir(), copy);
    Path territories = copy.resolve("plans/tekes/territories.geojson");
    String text = Files.readString(territories, StandardCharsets.UTF_8);
    Files.writeString(territories, text.replace("\"特克斯镇\"", "\"特克斯镇（改）\""), StandardCharsets.UTF_8);
    Files.delete(copy.resolve("plans/tekes/structure.geojson"));

    GeodataLoader.Report changed = loaderFor(copy).load();
    assertThat(changed.loaded()).isEqualTo(1);
    assertThat(changed.removed()).isEqualTo(1);
    assertThat(count("structure_element WHERE plan_id = 'tekes'")).isZero();
    assertThat(count("territory WHERE name = '特克斯镇（改）'")).isEqualTo(1);
    assertThat(count("territory WHERE name = '特克斯镇'")).isZero();

    GeodataLoader.Report restored = loader.load();
    assertThat(restored.loaded()).isEqualTo(2);
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void aBrokenFileLeavesTheDatabaseAsItWas(@TempDir Path copy) throws IOException {
    Map<String, Long> before = counts();
    copyTree(properties.geodataDir(), copy);
    Path parks = copy.resolve("plans/changji/parks.geojson");
    String text = Files.readString(parks, StandardCharsets.UTF_8);
    // Same id twice: the whole file is refused.
    int first = text.indexOf("{\"type\":\"Feature\"");
    int end = text.indexOf("\n", first);
    String feature = text.substring(first, end).replaceAll(",\\s*$", "");
    Files.writeString(parks, text.replaceFirst("\"features\"\\s*:\\s*\\[", "\"features\":[" + feature.replace("$", "\\$") + ","),
        StandardCharsets.UTF_8);
    assertThatThrownBy(() -> loaderFor(copy).load()).hasMessageContaining("duplicate id");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void aGbkShapefileWrittenByOgr2ogrLoadsLikeItsGeoJson(@TempDir Path copy) throws Exception {
    Map<String, Long> before = counts();
    List<String> names = jdbc.queryForList("SELECT name FROM park WHERE plan_id = 'changji' ORDER BY id", String.class);
    copyTree(properties.geodataDir(), copy);
    Path geojson = copy.resolve("plans/changji/parks.geojson");
    Process ogr = new ProcessBuilder("ogr2ogr", "-f", "ESRI Shapefile", "-lco", "ENCODING=CP936",
        copy.resolve("plans/changji/parks.shp").toString(), geojson.toString()).redirectErrorStream(true).start();
    String out = new String(ogr.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(ogr.waitFor()).as(out).isZero();
    Files.delete(geojson);

    GeodataLoader.Report r = loaderFor(copy).load();
    assertThat(r.loaded()).isEqualTo(1);
    assertThat(r.removed()).isEqualTo(1);
    assertThat(jdbc.queryForList("SELECT name FROM park WHERE plan_id = 'changji' ORDER BY id", String.class))
        .isEqualTo(names);
    assertThat(count("park WHERE plan_id = 'changji' AND source_file = 'plans/changji/parks.shp'"))
        .isEqualTo(names.size());

    loader.load();
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void aFeatureAPlannerEditedIsNeverOverwrittenByAReload(@TempDir Path copy) throws IOException {
    String id = jdbc.queryForObject("SELECT MIN(id) FROM park WHERE plan_id = 'changji'", String.class);
    String file = jdbc.queryForObject("SELECT source_file FROM park WHERE id = ?", String.class, id);
    jdbc.update("UPDATE park SET source_file = 'user:tester', name = '规划师改过的名字' WHERE id = ?", id);
    try {
      copyTree(properties.geodataDir(), copy);
      Path parks = copy.resolve(file);
      Files.writeString(parks, Files.readString(parks, StandardCharsets.UTF_8) + "\n", StandardCharsets.UTF_8);
      assertThat(loaderFor(copy).load().loaded()).isEqualTo(1);
      assertThat(jdbc.queryForObject("SELECT name FROM park WHERE id = ?", String.class, id)).isEqualTo("规划师改过的名字");
    } finally {
      jdbc.update("DELETE FROM park WHERE id = ?", id);
      jdbc.update("DELETE FROM geodata_file WHERE path = ?", file);
      loader.load();
    }
    assertThat(jdbc.queryForObject("SELECT source_file FROM park WHERE id = ?", String.class, id)).isEqualTo(file);
  }

  private GeodataLoader loaderFor(Path dir) {
    PlanmapProperties other = new PlanmapProperties(dir, properties.ogcapi(), properties.basemaps());
    return new GeodataLoader(other, registry, writer, plans, townships, tx, json);
  }

  private Map<String, Long> counts() {
    Map<String, Long> out = new LinkedHashMap<>();
    for (var c : PlanCollections.all()) {
      out.put(c.table(), count(c.table()));
    }
    out.put("plan", count("plan"));
    out.put("indicator", count("indicator"));
    out.put("geodata_file", count("geodata_file"));
    return out;
  }

  private long count(String from) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + from, Long.class);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
