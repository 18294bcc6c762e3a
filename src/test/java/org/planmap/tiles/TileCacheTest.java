package org.planmap.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.planmap.plan.CollectionSpec;
import org.planmap.plan.PlanCollections;
import org.springframework.util.unit.DataSize;

/** The tile cache on its own: exact invalidation at every zoom, the byte bound, the generation guard. */
class TileCacheTest {
  static final CollectionSpec PARCELS = PlanCollections.PARCELS;
  static final TilesProperties CONFIG = new TilesProperties(DataSize.ofMegabytes(1), 22, 4096, 64, 60);

  @Test
  void invalidateEvictsExactlyTheTilesWhoseBufferedExtentMeetsAnEnvelopeAtEveryZoom() {
    TileCache cache = new TileCache(CONFIG);
    List<TileCoord> all = new ArrayList<>();
    for (int z = 4; z <= 16; z += 3) {
      TileCoord centre = TileCoord.containing(84.9, 46.7, z);
      for (int dx = -2; dx <= 2; dx++) {
        for (int dy = -2; dy <= 2; dy++) {
          TileCoord t = new TileCoord(z, centre.x() + dx, centre.y() + dy);
          all.add(t);
          cache.put(PARCELS, t, Tile.of(new byte[] {1, 2, 3}), 0);
          cache.put(PlanCollections.PARKS, t, Tile.of(new byte[] {4}), 0);
        }
      }
    }
    Envelope before = new Envelope(84.9, 84.9005, 46.7, 46.7004);
    Envelope after = new Envelope(84.95, 84.9502, 46.71, 46.7101);
    List<TileCoord> expected = all.stream()
        .filter(t -> t.lonLat(CONFIG.margin()).intersects(before) || t.lonLat(CONFIG.margin()).intersects(after))
        .toList();
    assertThat(expected).hasSizeGreaterThan(5).hasSizeLessThan(all.size());

    int evicted = cache.invalidate(PARCELS, before, after);

    assertThat(evicted).isEqualTo(expected.size());
    for (TileCoord t : all) {
      assertThat(cache.contains(PARCELS, t)).as("parcels %s", t).isEqualTo(!expected.contains(t));
      assertThat(cache.contains(PlanCollections.PARKS, t)).as("parks %s", t).isTrue();
    }
  }

  @Test
  void tileTouchedOnlyThroughItsBufferIsEvictedAndOneBeyondIsKept() {
    TileCache cache = new TileCache(CONFIG);
    TileCoord t = new TileCoord(12, 3000, 1500);
    cache.put(PARCELS, t, Tile.of(new byte[] {1}), 0);
    Envelope e = t.lonLat(0);
    double buffer = e.getWidth() * CONFIG.margin();
    Envelope beyond = new Envelope(e.getMaxX() + 1.5 * buffer, e.getMaxX() + 2 * buffer, e.getMinY(), e.getMaxY());
    assertThat(cache.invalidate(PARCELS, beyond, null)).isZero();
    Envelope inBuffer = new Envelope(e.getMaxX() + 0.5 * buffer, e.getMaxX() + 0.6 * buffer, e.getMinY(), e.getMaxY());
    assertThat(cache.invalidate(PARCELS, null, inBuffer)).isEqualTo(1);
    assertThat(cache.size()).isZero();
  }

  @Test
  void staysWithinItsByteBoundEvictingTheLeastRecentlyUsed() {
    long max = 10 * (1000 + TileCache.ENTRY_OVERHEAD);
    TileCache cache = new TileCache(new TilesProperties(DataSize.ofBytes(max), 22, 4096, 64, 60));
    for (int i = 0; i < 10; i++) {
      cache.put(PARCELS, new TileCoord(10, i, 0), Tile.of(new byte[1000]), 0);
    }
    cache.get(PARCELS, new TileCoord(10, 0, 0));
    cache.put(PARCELS, new TileCoord(10, 10, 0), Tile.of(new byte[1000]), 0);
    assertThat(cache.bytes()).isLessThanOrEqualTo(max);
    assertThat(cache.contains(PARCELS, new TileCoord(10, 0, 0))).isTrue();
    assertThat(cache.contains(PARCELS, new TileCoord(10, 1, 0))).isFalse();
    cache.put(PARCELS, new TileCoord(10, 11, 0), Tile.of(new byte[(int) max]), 0);
    assertThat(cache.contains(PARCELS, new TileCoord(10, 11, 0))).isFalse();
  }

  @Test
  void zeroBytesTurnsTheCacheOff() {
    TileCache cache = new TileCache(new TilesProperties(DataSize.ofBytes(0), 22, 4096, 64, 60));
    cache.put(PARCELS, new TileCoord(1, 0, 0), Tile.of(new byte[0]), 0);
    assertThat(cache.size()).isZero();
  }

  @Test
  void tileRenderedBeforeAnEditIsNotStoredAfterIt() {
    TileCache cache = new TileCache(CONFIG);
    TileCoord t = new TileCoord(5, 1, 1);
    long generation = cache.generation(PARCELS);
    cache.invalidate(PARCELS, new Envelope(0, 1, 0, 1), null);
    cache.put(PARCELS, t, Tile.of(new byte[] {1}), generation);
    assertThat(cache.contains(PARCELS, t)).isFalse();
    cache.put(PARCELS, t, Tile.of(new byte[] {1}), cache.generation(PARCELS));
    assertThat(cache.contains(PARCELS, t)).isTrue();
  }
}
