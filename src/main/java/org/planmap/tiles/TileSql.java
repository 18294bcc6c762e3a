package org.planmap.tiles;

import java.util.ArrayList;
import java.util.List;
import org.planmap.geo.Geometries;
import org.planmap.plan.CollectionSpec;
import org.planmap.plan.Column;

/**
 * All the SQL of vector tiles. Table and column names come only from {@link CollectionSpec}; the tile, extent and
 * buffer are parameters. Both stores filter with {@code geom &&} an envelope in the table's SRID (EPSG:4326), so
 * the spatial index (GiST / R-tree) is used.
 */
final class TileSql {
  /** Attributes every tile feature carries besides the collection's typed columns (SQL name, tile name). */
  private static final String[][] COMMON = {
      {"id", "id"}, {"name", "name"}, {"plan_id", "plan"}, {"kind", "kind"},
      {"position_accuracy", "position_accuracy"}};

  private TileSql() {}

  /** Tile attribute names in the order of {@link #attributes}. */
  static List<String> attributeNames(CollectionSpec c) {
    List<String> names = new ArrayList<>();
    for (String[] a : COMMON) {
      names.add(a[1]);
    }
    c.typed().forEach(col -> names.add(col.name()));
    return names;
  }

  /**
   * PostGIS: the whole tile in one statement. Parameters: layer name, extent, z, x, y, extent, buffer, z, x, y,
   * margin.
   */
  static String postgisMvt(CollectionSpec c) {
    return "SELECT ST_AsMVT(t, ?, ?, 'geom') FROM (SELECT " + attributes(c)
        + ", ST_AsMVTGeom(ST_Transform(geom, 3857), ST_TileEnvelope(?, ?, ?), ?, ?, true) AS geom"
        + " FROM " + c.table()
        + " WHERE geom && ST_Transform(ST_TileEnvelope(?, ?, ?, margin => ?), " + Geometries.WGS84 + ")) t";
  }

  /** H2GIS: the rows whose box meets the (buffered) tile. Parameters: minLon, minLat, maxLon, maxLat. */
  static String envelopeRows(CollectionSpec c) {
    return "SELECT " + attributes(c) + ", ST_AsBinary(geom) AS wkb FROM " + c.table()
        + " WHERE geom && ST_MakeEnvelope(?, ?, ?, ?, " + Geometries.WGS84 + ")";
  }

  private static String attributes(CollectionSpec c) {
    StringBuilder sql = new StringBuilder();
    for (String[] a : COMMON) {
      sql.append(sql.isEmpty() ? "" : ", ").append(a[0]).append(a[0].equals(a[1]) ? "" : " AS " + a[1]);
    }
    for (Column col : c.typed()) {
      sql.append(", ").append(col.name());
    }
    return sql.toString();
  }
}
