package org.planmap.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.WKTReader;
import org.planmap.boundary.TownshipCells;

/** Edge cases from WKT files in src/test/resources/geo. */
class TownshipCellsTest {
  private final WKTReader wkt = new WKTReader(Geometries.FACTORY);

  @Test
  void cellsTileTheCountyWithoutOverlap() throws Exception {
    Geometry county = read("county-concave.wkt");
    Map<String, Point> seats = seats("POINT (1 1)", "POINT (8 1)", "POINT (1 8)", "POINT (8 8)",
        "POINT (5 5)", "POINT (20 20)");
    Map<String, Geometry> cells = TownshipCells.cells(county, seats);
    // (5 5) lies in the county's notch and (20 20) far outside: neither gets a cell.
    assertThat(cells).hasSize(4).doesNotContainKeys("s4", "s5");
    double sum = cells.values().stream().mapToDouble(Geometry::getArea).sum();
    assertThat(sum).isCloseTo(county.getArea(), org.assertj.core.data.Offset.offset(1e-9));
    cells.forEach((id, cell) -> {
      assertThat(cell.isValid()).isTrue();
      assertThat(cell.covers(seats.get(id))).isTrue();
    });
  }

  @Test
  void aSingleSeatGetsTheWholeCountyAndNoSeatGetsNothing() throws Exception {
    Geometry county = read("county-concave.wkt");
    assertThat(TownshipCells.cells(county, seats("POINT (1 1)")).get("s0").equalsTopo(county)).isTrue();
    assertThat(TownshipCells.cells(county, Map.of())).isEmpty();
  }

  @Test
  void invalidBoundariesAreRepaired() throws Exception {
    Geometry bowtie = read("bowtie.wkt");
    assertThat(bowtie.isValid()).isFalse();
    Geometry fixed = Geometries.valid(bowtie);
    assertThat(fixed.isValid()).isTrue();
    assertThat(fixed.getArea()).isGreaterThan(0);
  }

  private Map<String, Point> seats(String... points) throws Exception {
    Map<String, Point> out = new LinkedHashMap<>();
    for (int i = 0; i < points.length; i++) {
      out.put("s" + i, (Point) wkt.read(points[i]));
    }
    return out;
  }

  private Geometry read(String name) throws IOException, org.locationtech.jts.io.ParseException {
    try (InputStream in = getClass().getResourceAsStream("/geo/" + name)) {
      return wkt.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
