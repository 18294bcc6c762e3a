package org.planmap.tiles;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Vector tile settings (prefix {@code planmap.tiles}); defaults live here, documented in the README.
 *
 * @param cacheBytes size of the in-process tile cache (0 turns it off), e.g. {@code 64MB}
 * @param maxZoom highest zoom served; deeper requests are refused with 400
 * @param extent tile extent in tile units (MVT default 4096)
 * @param buffer buffer around the tile, in tile units, so that polygons clipped at tile edges render seamlessly
 * @param maxAgeSeconds {@code Cache-Control: max-age} of tile responses
 */
@ConfigurationProperties("planmap.tiles")
public record TilesProperties(
    @DefaultValue("64MB") DataSize cacheBytes,
    @DefaultValue("22") int maxZoom,
    @DefaultValue("4096") int extent,
    @DefaultValue("64") int buffer,
    @DefaultValue("60") int maxAgeSeconds) {

  /** The buffer as a fraction of the tile width, as {@code ST_TileEnvelope(margin => …)} takes it. */
  public double margin() {
    return (double) buffer / extent;
  }
}
