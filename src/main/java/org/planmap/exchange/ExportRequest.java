package org.planmap.exchange;

/**
 * An export as asked (query parameters or JSON): collection id; format ({@code shp} default, {@code geojson},
 * {@code gpkg}, {@code kml}, {@code csv}); encoding ({@code UTF-8} default or {@code GBK}, shapefile and CSV);
 * crs ({@code EPSG:4326} default, {@code EPSG:4490}, {@code EPSG:4513}-{@code 4554} or {@code gk} for the plan's
 * 3° Gauss-Krüger zone); filters plan, territory, park (ids) and bbox (CRS84 minLon,minLat,maxLon,maxLat).
 */
public record ExportRequest(String collection, String format, String encoding, String crs, String plan,
    String territory, String park, String bbox) {}
