package org.planmap.exchange;

import java.util.Locale;
import org.planmap.web.ApiException;

/** The export formats, with their media type and file extension. */
public enum ExportFormat {
  SHP("application/zip", "zip"),
  GEOJSON("application/geo+json", "geojson"),
  GPKG("application/geopackage+sqlite3", "gpkg"),
  KML("application/vnd.google-earth.kml+xml", "kml"),
  CSV("text/csv", "csv");

  private final String mediaType;
  private final String extension;

  ExportFormat(String mediaType, String extension) {
    this.mediaType = mediaType;
    this.extension = extension;
  }

  public static ExportFormat parse(String text) {
    if (text == null || text.isBlank()) {
      return SHP;
    }
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "shp", "shapefile", "zip" -> SHP;
      case "geojson", "json" -> GEOJSON;
      case "gpkg", "geopackage" -> GPKG;
      case "kml" -> KML;
      case "csv" -> CSV;
      default -> throw ApiException.badRequest("format '" + text + "' is not offered; use shp, geojson, gpkg, kml or csv");
    };
  }

  public String mediaType() {
    return mediaType;
  }

  public String extension() {
    return extension;
  }

  /** GeoJSON (RFC 7946) and KML are lon/lat WGS84 by definition. */
  public boolean lonLatOnly() {
    return this == GEOJSON || this == KML;
  }
}
