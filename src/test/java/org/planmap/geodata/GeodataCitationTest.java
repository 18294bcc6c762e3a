package org.planmap.geodata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.planmap.geo.Geometries;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * For every feature shipped from a plan: the cited line exists and names the feature (or an alias), the
 * geometry is valid, and it lies in the plan's territory unless the feature says the text puts it outside.
 */
class GeodataCitationTest {
  /** ~1 km: the county outlines are quantized to ~100 m and drawn shapes are schematic. */
  private static final double TOLERANCE_DEG = 0.01;
  private static final Path GEODATA = Path.of("geodata");
  private static final Path SEEDS = Path.of(System.getProperty("planmap.seeds", "../shared/seeds"));
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TestFactory
  Stream<DynamicTest> everyShippedFeature() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    List<FeatureRecord> counties = GeoJsonFeatures.read(GEODATA.resolve("boundaries/counties.geojson"), JSON);
    try (Stream<Path> plans = Files.list(GEODATA.resolve("plans"))) {
      for (Path plan : plans.sorted().toList()) {
        JsonNode meta = JSON.readTree(plan.resolve("plan.json").toFile());
        List<String> lines = Files.readAllLines(SEEDS.resolve(meta.path("source_doc").asString()), StandardCharsets.UTF_8);
        PreparedGeometry territory = territory(counties, meta);
        try (Stream<Path> files = Files.list(plan)) {
          for (Path file : files.filter(f -> f.toString().endsWith(".geojson")).sorted().toList()) {
            for (FeatureRecord f : GeoJsonFeatures.read(file, JSON)) {
              String name = plan.getFileName() + "/" + file.getFileName() + "/" + f.id();
              tests.add(DynamicTest.dynamicTest(name, () -> check(f, lines, territory, meta)));
            }
          }
        }
      }
    }
    assertThat(tests).hasSizeGreaterThan(500);
    return tests.stream();
  }

  private static void check(FeatureRecord f, List<String> lines, PreparedGeometry territory, JsonNode meta) {
    Map<String, Object> p = f.properties();
    assertThat(p.get("source_doc")).isEqualTo(meta.path("source_doc").asString());
    int line = ((Number) p.get("source_line")).intValue();
    assertThat(line).as("source_line").isBetween(1, lines.size());
    List<String> names = new ArrayList<>();
    names.add(p.get("name").toString());
    if (p.get("aliases") instanceof List<?> aliases) {
      aliases.forEach(a -> names.add(a.toString()));
    }
    assertThat(names.stream().anyMatch(n -> namedAt(lines, line, n)))
        .as("line %d names one of %s: %s", line, names, lines.get(line - 1)).isTrue();
    Geometry g = f.geometry();
    if (g == null) {
      assertThat(p.get("position_accuracy")).isEqualTo("unlocated");
      return;
    }
    assertThat(p.get("position_accuracy")).isIn("approximate", "schematic", "boundary-data");
    assertThat(g.isValid()).as("valid geometry").isTrue();
    if (!Boolean.TRUE.equals(p.get("outside_territory"))) {
      assertThat(territory.covers(g)).as("%s lies inside the plan's territory (or is flagged outside_territory)", p.get("name")).isTrue();
    }
  }

  private static PreparedGeometry territory(List<FeatureRecord> counties, JsonNode meta) {
    List<String> adcodes = new ArrayList<>();
    meta.path("territory_adcodes").forEach(a -> adcodes.add(a.asString()));
    List<Geometry> parts = counties.stream().filter(c -> adcodes.contains(c.id()))
        .map(c -> Geometries.valid(c.geometry())).toList();
    assertThat(parts).hasSize(adcodes.size());
    return PreparedGeometryFactory.prepare(UnaryUnionOp.union(parts).buffer(TOLERANCE_DEG));
  }

  /** The name starts on the cited line; it may run on into the next lines (page breaks split names). */
  static boolean namedAt(List<String> lines, int line, String name) {
    String first = normalize(lines.get(line - 1));
    StringBuilder joined = new StringBuilder(first);
    for (int i = line; i < Math.min(lines.size(), line + 3); i++) {
      joined.append(normalize(lines.get(i)));
    }
    int at = joined.indexOf(normalize(name));
    return at >= 0 && at < first.length();
  }

  private static String normalize(String s) {
    return s.replaceAll("\\s+", "");
  }
}
