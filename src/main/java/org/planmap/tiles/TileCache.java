package org.planmap.tiles;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.planmap.plan.CollectionSpec;
import org.springframework.stereotype.Component;

/**
 * A byte-bounded, least-recently-used cache of encoded tiles. Each collection has a generation that every
 * invalidation advances; a tile rendered under an older generation is not stored, so a render racing an edit
 * cannot put a stale tile back.
 */
@Component
public class TileCache {
  /** Bookkeeping bytes counted per entry besides the tile itself. */
  static final int ENTRY_OVERHEAD = 128;

  private record Key(String collection, TileCoord coord) {}

  private final long maxBytes;
  private final double margin;
  private final LinkedHashMap<Key, Tile> tiles = new LinkedHashMap<>(1024, 0.75f, true);
  private final Map<String, Long> generations = new HashMap<>();
  private long bytes;

  public TileCache(TilesProperties config) {
    this.maxBytes = config.cacheBytes().toBytes();
    this.margin = config.margin();
  }

  public synchronized Tile get(CollectionSpec c, TileCoord t) {
    return tiles.get(new Key(c.id(), t));
  }

  /** The collection's generation, to hand back to {@link #put} with the tile rendered after reading it. */
  public synchronized long generation(CollectionSpec c) {
    return generations.getOrDefault(c.id(), 0L);
  }

  /** Stores a tile unless the collection changed since {@code generation} or the tile exceeds the cache. */
  public synchronized void put(CollectionSpec c, TileCoord t, Tile tile, long generation) {
    long cost = cost(tile);
    if (generation != generation(c) || cost > maxBytes) {
      return;
    }
    Tile old = tiles.put(new Key(c.id(), t), tile);
    bytes += cost - (old == null ? 0 : cost(old));
    Iterator<Tile> lru = tiles.values().iterator();
    while (bytes > maxBytes && lru.hasNext()) {
      bytes -= cost(lru.next());
      lru.remove();
    }
  }

  /**
   * Evicts the collection's cached tiles, at every zoom, whose buffered extent meets either lon/lat envelope
   * (either may be null).
   *
   * @return the number of tiles evicted
   */
  public synchronized int invalidate(CollectionSpec c, Envelope before, Envelope after) {
    generations.merge(c.id(), 1L, Long::sum);
    int evicted = 0;
    Iterator<Map.Entry<Key, Tile>> it = tiles.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<Key, Tile> e = it.next();
      if (e.getKey().collection().equals(c.id()) && touches(e.getKey().coord(), before, after)) {
        bytes -= cost(e.getValue());
        it.remove();
        evicted++;
      }
    }
    return evicted;
  }

  public synchronized boolean contains(CollectionSpec c, TileCoord t) {
    return tiles.containsKey(new Key(c.id(), t));
  }

  public synchronized int size() {
    return tiles.size();
  }

  public synchronized long bytes() {
    return bytes;
  }

  public synchronized void clear() {
    tiles.clear();
    bytes = 0;
  }

  private boolean touches(TileCoord t, Envelope before, Envelope after) {
    Envelope extent = t.lonLat(margin);
    return (before != null && extent.intersects(before)) || (after != null && extent.intersects(after));
  }

  private static long cost(Tile tile) {
    return tile.bytes().length + ENTRY_OVERHEAD;
  }
}
