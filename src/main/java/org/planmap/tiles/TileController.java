package org.planmap.tiles;

import java.time.Duration;
import org.planmap.plan.CollectionSpec;
import org.planmap.plan.PlanCollections;
import org.planmap.web.ApiException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Mapbox Vector Tiles of every collection at {@code /tiles/{collection}/{z}/{x}/{y}.pbf}, one layer each. */
@RestController
public class TileController {
  public static final MediaType MVT = MediaType.parseMediaType("application/vnd.mapbox-vector-tile");
  private final TileService tiles;
  private final TilesProperties config;

  public TileController(TileService tiles, TilesProperties config) {
    this.tiles = tiles;
    this.config = config;
  }

  @GetMapping("/tiles/{collection}/{z}/{x}/{y}.pbf")
  public ResponseEntity<byte[]> tile(@PathVariable String collection, @PathVariable String z,
      @PathVariable String x, @PathVariable String y,
      @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
    CollectionSpec c = PlanCollections.byId(collection).orElseThrow(() -> ApiException.notFound(
        "there is no collection '" + collection + "'; see /ogcapi/collections for the list"));
    Tile tile = tiles.tile(c, TileCoord.parse(z, x, y, config.maxZoom()));
    CacheControl cache = CacheControl.maxAge(Duration.ofSeconds(config.maxAgeSeconds())).cachePublic();
    if (tile.matches(ifNoneMatch)) {
      return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(tile.etag()).cacheControl(cache).build();
    }
    if (tile.isEmpty()) {
      return ResponseEntity.noContent().eTag(tile.etag()).cacheControl(cache).build();
    }
    return ResponseEntity.ok().eTag(tile.etag()).cacheControl(cache).contentType(MVT).body(tile.bytes());
  }
}
