package org.planmap.boundary;

import java.util.LinkedHashMap;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.planmap.geo.Geometries;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The SQL of territories that the boundary feature needs: county outlines, sub-unit seats, derived cells. */
@Repository
public class TerritoryStore {
  /** Sub-units whose area Planmap draws schematically from their seats. */
  private static final String SUB_UNIT_KINDS = "('town', 'township', 'subdistrict', 'farm', 'xpcc')";
  private final JdbcTemplate jdbc;

  public TerritoryStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** County-level outlines of a plan, by territory id. */
  public Map<String, Geometry> counties(String planId) {
    Map<String, Geometry> out = new LinkedHashMap<>();
    jdbc.query("SELECT id, ST_AsBinary(geom) FROM territory WHERE plan_id = ? AND adcode IS NOT NULL"
        + " AND geom IS NOT NULL ORDER BY id", rs -> {
          out.put(rs.getString(1), Geometries.fromWkb(rs.getBytes(2)));
        }, planId);
    return out;
  }

  /** Seats of a plan's sub-units (towns, townships, farms, XPCC units), by territory id. */
  public Map<String, Point> subUnitSeats(String planId) {
    Map<String, Point> out = new LinkedHashMap<>();
    jdbc.query("SELECT id, ST_AsBinary(seat) FROM territory WHERE plan_id = ? AND adcode IS NULL"
        + " AND seat IS NOT NULL AND kind IN " + SUB_UNIT_KINDS + " ORDER BY id", rs -> {
          if (Geometries.fromWkb(rs.getBytes(2)) instanceof Point p) {
            out.put(rs.getString(1), p);
          }
        }, planId);
    return out;
  }

  public void setCell(String id, String countyId, Geometry cell) {
    jdbc.update("UPDATE territory SET geom = ST_GeomFromWKB(?, 4326), parent_id = ?,"
        + " position_accuracy = 'schematic' WHERE id = ?", Geometries.toWkb(cell), countyId, id);
  }
}
