package org.planmap.tiles;

import org.locationtech.jts.geom.Envelope;
import org.planmap.plan.CollectionSpec;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/** Tiles through the cache; keeps the cache right when features change. */
@Service
public class TileService {
  private final TileStore store;
  private final TileCache cache;

  public TileService(TileStore store, TileCache cache) {
    this.store = store;
    this.cache = cache;
  }

  public Tile tile(CollectionSpec c, TileCoord t) {
    Tile cached = cache.get(c, t);
    if (cached != null) {
      return cached;
    }
    long generation = cache.generation(c);
    Tile tile = Tile.of(store.render(c, t));
    cache.put(c, t, tile, generation);
    return tile;
  }

  /**
   * Evicts exactly the cached tiles (all zooms) of {@code c} that the lon/lat envelopes touch; either may be null.
   *
   * @return the number of tiles evicted
   */
  public int invalidate(CollectionSpec c, Envelope before, Envelope after) {
    return cache.invalidate(c, before, after);
  }

  /** Runs after the publisher's transaction commits (at once when there is none). */
  @TransactionalEventListener(fallbackExecution = true)
  public void onFeatureChanged(FeatureChanged e) {
    invalidate(e.collection(), e.before(), e.after());
  }
}
