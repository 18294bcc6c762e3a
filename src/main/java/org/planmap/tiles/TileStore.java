package org.planmap.tiles;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.locationtech.jts.geom.Envelope;
import org.planmap.geo.Dialect;
import org.planmap.geo.Geometries;
import org.planmap.plan.CollectionSpec;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Renders one tile from the database: {@code ST_AsMVT} on PostGIS, the Java encoder on H2GIS. */
@Repository
public class TileStore {
  private final JdbcTemplate jdbc;
  private final Dialect dialect;
  private final TilesProperties config;
  private final Map<String, String> sql = new ConcurrentHashMap<>();

  public TileStore(JdbcTemplate jdbc, DataSource dataSource, TilesProperties config) {
    this.jdbc = jdbc;
    this.dialect = Dialect.of(dataSource);
    this.config = config;
  }

  /** The encoded tile; an empty array when no feature reaches it. */
  public byte[] render(CollectionSpec c, TileCoord t) {
    return dialect == Dialect.POSTGIS ? postgis(c, t) : embedded(c, t);
  }

  private byte[] postgis(CollectionSpec c, TileCoord t) {
    byte[] tile = jdbc.queryForObject(sql.computeIfAbsent(c.id(), k -> TileSql.postgisMvt(c)), byte[].class, c.id(), config.extent(),
        t.z(), t.x(), t.y(), config.extent(), config.buffer(), t.z(), t.x(), t.y(), config.margin());
    return tile == null ? new byte[0] : tile;
  }

  private byte[] embedded(CollectionSpec c, TileCoord t) {
    JavaTileEncoder encoder = new JavaTileEncoder(t, config);
    List<String> names = TileSql.attributeNames(c);
    Envelope box = t.lonLat(config.margin());
    jdbc.query(sql.computeIfAbsent(c.id(), k -> TileSql.envelopeRows(c)), (ResultSet rs) -> {
      encoder.add(Geometries.fromWkb(rs.getBytes("wkb")), attributes(rs, names));
    }, box.getMinX(), box.getMinY(), box.getMaxX(), box.getMaxY());
    return encoder.encode(c.id());
  }

  private static Map<String, Object> attributes(ResultSet rs, List<String> names) throws SQLException {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      Object v = rs.getObject(i + 1);
      if (v != null) {
        values.put(names.get(i), v);
      }
    }
    return values;
  }
}
