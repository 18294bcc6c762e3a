package org.planmap.tiles;

import org.locationtech.jts.geom.Envelope;
import org.planmap.web.ApiException;

/** One tile of the Web Mercator (EPSG:3857) XYZ pyramid, validated. */
public record TileCoord(int z, int x, int y) {

  /** Parses the path segments of {@code /tiles/{c}/{z}/{x}/{y}.pbf}; anything out of range is a 400. */
  public static TileCoord parse(String z, String x, String y, int maxZoom) {
    int zoom = number("z", z);
    if (zoom < 0 || zoom > maxZoom) {
      throw ApiException.badRequest("zoom z=" + zoom + " is outside 0.." + maxZoom);
    }
    int max = (1 << zoom) - 1;
    int col = number("x", x);
    int row = number("y", y);
    if (col < 0 || col > max || row < 0 || row > max) {
      throw ApiException.badRequest("tile x=" + col + ", y=" + row + " is outside 0.." + max + " at zoom " + zoom);
    }
    return new TileCoord(zoom, col, row);
  }

  /** The tile at zoom {@code z} that contains a lon/lat point. */
  public static TileCoord containing(double lon, double lat, int z) {
    double n = 1L << z;
    int x = (int) Math.floor((WebMercator.x(lon) + WebMercator.HALF) / WebMercator.WORLD * n);
    int y = (int) Math.floor((WebMercator.HALF - WebMercator.y(lat)) / WebMercator.WORLD * n);
    int max = (int) n - 1;
    return new TileCoord(z, Math.max(0, Math.min(max, x)), Math.max(0, Math.min(max, y)));
  }

  /** The tile's bounds in Web Mercator metres. */
  public Envelope mercator() {
    return mercator(0);
  }

  /** The tile's bounds in Web Mercator metres, grown on every side by {@code margin} tile widths. */
  public Envelope mercator(double margin) {
    double size = WebMercator.WORLD / (1L << z);
    double minX = -WebMercator.HALF + x * size;
    double maxY = WebMercator.HALF - y * size;
    double m = margin * size;
    return new Envelope(minX - m, minX + size + m, maxY - size - m, maxY + m);
  }

  /** The tile's bounds in lon/lat (EPSG:4326), grown by {@code margin} tile widths. */
  public Envelope lonLat(double margin) {
    return WebMercator.toLonLat(mercator(margin));
  }

  @Override
  public String toString() {
    return z + "/" + x + "/" + y;
  }

  private static int number(String name, String text) {
    if (text == null || !text.matches("\\d{1,8}")) {
      throw ApiException.badRequest("tile " + name + " must be a non-negative integer, not '" + text + "'");
    }
    return Integer.parseInt(text);
  }
}
