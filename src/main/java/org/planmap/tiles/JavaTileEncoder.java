package org.planmap.tiles;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.JtsAdapter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtEncoder;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.UserDataKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import io.github.sebasbaumh.mapbox.vectortile.build.MvtLayerParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.TopologyException;

/**
 * The embedded store's equivalent of {@code ST_AsMVTGeom} + {@code ST_AsMVT}: projects lon/lat features to Web
 * Mercator, clips them to the buffered tile, scales them to tile units and encodes one layer.
 */
final class JavaTileEncoder {
  private static final GeometryFactory MERCATOR = new GeometryFactory();
  private final MvtLayerParams params;
  private final Envelope tile;
  private final Envelope clip;
  private final List<Geometry> features = new ArrayList<>();

  JavaTileEncoder(TileCoord coord, TilesProperties config) {
    this.params = new MvtLayerParams(config.extent());
    this.tile = coord.mercator();
    this.clip = coord.mercator(config.margin());
  }

  /** Adds one feature (lon/lat geometry) with its attributes; features that vanish at this zoom are dropped. */
  void add(Geometry lonLat, Map<String, Object> attributes) {
    if (lonLat == null || lonLat.isEmpty()) {
      return;
    }
    Geometry inTile;
    try {
      inTile = JtsAdapter.createTileGeom(WebMercator.project(lonLat), tile, clip, MERCATOR, params,
          g -> !g.isEmpty());
    } catch (TopologyException e) {
      return;
    }
    if (inTile == null || inTile.isEmpty()) {
      return;
    }
    addParts(inTile, attributes);
  }

  private void addParts(Geometry g, Map<String, Object> attributes) {
    if (g.getClass() == GeometryCollection.class) {
      for (int i = 0; i < g.getNumGeometries(); i++) {
        addParts(g.getGeometryN(i), attributes);
      }
    } else if (!g.isEmpty()) {
      g.setUserData(attributes);
      features.add(g);
    }
  }

  /** The encoded tile, or an empty array when no feature reaches it. */
  byte[] encode(String layer) {
    if (features.isEmpty()) {
      return new byte[0];
    }
    JtsMvt mvt = new JtsMvt(new JtsLayer(layer, features, params.getExtent()));
    return MvtEncoder.encode(mvt, params, new UserDataKeyValueMapConverter());
  }
}
