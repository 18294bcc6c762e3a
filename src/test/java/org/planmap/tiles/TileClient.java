package org.planmap.tiles;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.util.AffineTransformation;

/** Fetches tiles over real HTTP and decodes them with the encoder library's own reader. */
final class TileClient {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private final String base;

  TileClient(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  HttpResponse<byte[]> get(String path, String... headers) {
    try {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
      if (headers.length > 0) {
        b.headers(headers);
      }
      return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException("request to " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The features of one layer, geometry back in Web Mercator metres, tags as user data. */
  static List<Geometry> decode(byte[] tile, String layer, TileCoord coord, int extent) {
    try {
      JtsMvt mvt = MvtReader.loadMvt(new ByteArrayInputStream(tile), new GeometryFactory(),
          new TagKeyValueMapConverter());
      JtsLayer l = mvt.getLayer(layer);
      List<Geometry> out = new ArrayList<>();
      if (l == null) {
        return out;
      }
      Envelope env = coord.mercator();
      AffineTransformation toMercator = new AffineTransformation()
          .scale(env.getWidth() / extent, -env.getHeight() / extent)
          .translate(env.getMinX(), env.getMaxY());
      for (Geometry g : l.getGeometries()) {
        Geometry m = toMercator.transform(g);
        m.setUserData(g.getUserData());
        out.add(m);
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException("tile does not decode", e);
    }
  }
}
