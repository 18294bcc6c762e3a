package org.planmap.layout;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.planmap.support.PostgisStore;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class LayoutPostgisTest extends LayoutContract {
  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    PostgisStore.register(registry);
  }

  @Test
  void storedAreasAgreeWithPostgisGeographyArea() {
    as("korla-planner", "POST", "/api/edit/parcels", parcel(
        "{\"type\":\"Polygon\",\"coordinates\":[[[86.0991,41.7981],[86.1003,41.7979],[86.1007,41.7992],[86.0995,41.7996],[86.0991,41.7981]]]}",
        "1402"));
    var rows = jdbc.queryForList("SELECT area_m2, ST_Area(geom::geography) AS postgis FROM parcel");
    assertThat(rows).isNotEmpty();
    for (var row : rows) {
      double ours = ((Number) row.get("area_m2")).doubleValue();
      double postgis = ((Number) row.get("postgis")).doubleValue();
      assertThat(Math.abs(ours - postgis) / postgis).as("ours %f, PostGIS %f", ours, postgis).isLessThan(1e-4);
    }
  }
}
