package org.planmap.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.planmap.geo.Geometries;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The parcel generator on both stores (subclasses choose the store). */
@SpringBootTest
abstract class ParcelGeneratorContract {
  static final int N = 1500;
  @Autowired ParcelGenerator generator;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void cleanUp() {
    jdbc.update("DELETE FROM parcel WHERE source_file = ?", ParcelWriter.SOURCE);
  }

  @Test
  void writesValidNonOverlappingParcelsWithLandUseAndIndicators() {
    assertThat(generator.generate(N, 7, 500)).isEqualTo(N);
    assertThat(count()).isEqualTo(N);
    Set<String> codes = LandUse.ALL.stream().map(LandUse::code).collect(Collectors.toSet());
    List<Map<String, Object>> rows = jdbc.queryForList("SELECT land_use_code, land_use_name, far, green_ratio,"
        + " area_m2, plan_id, ST_AsBinary(geom) AS wkb FROM parcel WHERE source_file = ?", ParcelWriter.SOURCE);
    for (Map<String, Object> r : rows) {
      assertThat(codes).contains((String) r.get("land_use_code"));
      Geometry g = Geometries.fromWkb((byte[]) r.get("wkb"));
      assertThat(g.isValid()).isTrue();
      assertThat(g.getNumPoints()).isBetween(5, 6);
      assertThat(((Number) r.get("area_m2")).doubleValue()).isBetween(8_000.0, 20_000.0);
      assertThat((String) r.get("plan_id")).isIn("tekes", "tashkurgan", "tacheng", "changji", "korla");
    }
    assertThat(rows.stream().map(r -> r.get("land_use_code")).distinct().count()).isGreaterThan(8);
    Long overlaps = jdbc.queryForObject("SELECT COUNT(*) FROM parcel a JOIN parcel b ON a.id < b.id"
        + " AND a.geom && b.geom AND ST_Overlaps(a.geom, b.geom) WHERE a.source_file = ? AND b.source_file = ?",
        Long.class, ParcelWriter.SOURCE, ParcelWriter.SOURCE);
    assertThat(overlaps).isZero();
  }

  @Test
  void parcelsLieInTheTerritoriesOfTheirPlans() {
    generator.generate(N, 7, 500);
    Long inside = jdbc.queryForObject("SELECT COUNT(*) FROM parcel p WHERE p.source_file = ? AND EXISTS ("
        + "SELECT 1 FROM territory t WHERE t.plan_id = p.plan_id AND t.adcode IS NOT NULL"
        + " AND t.geom && p.geom AND ST_Intersects(t.geom, p.geom))", Long.class, ParcelWriter.SOURCE);
    assertThat(inside).isEqualTo(N);
  }

  @Test
  void aSecondRunReplacesTheFirstAndTheSameSeedGivesTheSameParcels() {
    generator.generate(N, 7, 500);
    String first = fingerprint();
    generator.generate(N, 7, 1000);
    assertThat(count()).isEqualTo(N);
    assertThat(fingerprint()).isEqualTo(first);
  }

  @Test
  void oneParkGetsEveryParcelAndAnUnknownParkIsRefused() {
    assertThat(generator.generate(N, 7, 500, "tekes-parks-nonferrous")).isEqualTo(N);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM parcel WHERE source_file = ? AND park_id = ?"
        + " AND plan_id = 'tekes'", Long.class, ParcelWriter.SOURCE, "tekes-parks-nonferrous")).isEqualTo(N);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> generator.generate(N, 7, 500, "no-such-park"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no-such-park");
    assertThat(count()).isEqualTo(N); // nothing removed by the refused run
  }

  long count() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM parcel WHERE source_file = ?", Long.class, ParcelWriter.SOURCE);
  }

  String fingerprint() {
    return jdbc.queryForList("SELECT id, land_use_code, ST_AsText(geom) FROM parcel WHERE source_file = ?"
        + " ORDER BY id", ParcelWriter.SOURCE).toString();
  }
}
