package org.planmap.tiles;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.locationtech.jts.geom.Envelope;
import org.planmap.web.Fuzzing;

/**
 * The {@code {z}/{x}/{y}} path segments of {@code /tiles/{c}/{z}/{x}/{y}.pbf} (input split on '/'): a tile whose
 * bounds are finite and inside the Web Mercator world, or a 4xx refusal.
 */
class TileCoordFuzzTest {
  @FuzzTest
  void parse(byte[] input) throws Exception {
    String[] p = new String(input, StandardCharsets.UTF_8).split("/", -1);
    if (p.length != 3) {
      return; // Spring does not route such a path to the tile controller (404)
    }
    Fuzzing.refusedOrAccepted(() -> {
      TileCoord t = TileCoord.parse(p[0], p[1], p[2], 22);
      Envelope lonLat = t.lonLat(64 / 4096.0);
      assertTrue(Double.isFinite(lonLat.getMinX()) && Double.isFinite(lonLat.getMaxY()), "tile bounds " + lonLat);
      assertTrue(t.mercator().getMinX() >= -WebMercator.HALF - 1e-6 && t.mercator().getMaxX() <= WebMercator.HALF + 1e-6);
    });
  }
}
