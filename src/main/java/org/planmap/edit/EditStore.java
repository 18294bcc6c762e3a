package org.planmap.edit;

import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.planmap.geo.Geometries;
import org.planmap.plan.CollectionSpec;
import org.planmap.plan.PlanCollections;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The SQL of editing: current state, version-checked removal, version bump, parks and their parcels. */
@Repository
public class EditStore {
  private final JdbcTemplate jdbc;

  public EditStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** What an edit needs to know about a stored feature. */
  public record Current(String id, String planId, int version, Geometry geometry, String parkId) {}

  public Optional<Current> current(CollectionSpec c, String id) {
    String park = c == PlanCollections.PARCELS ? "park_id" : "NULL";
    return jdbc.query("SELECT id, plan_id, version, ST_AsBinary(geom), " + park + " FROM " + c.table() + " WHERE id = ?",
        (rs, i) -> new Current(rs.getString(1), rs.getString(2), rs.getInt(3), Geometries.fromWkb(rs.getBytes(4)),
            rs.getString(5)), id).stream().findFirst();
  }

  /** Removes the row only if it is still at {@code version}; 0 means somebody else changed it first. */
  public int deleteAtVersion(CollectionSpec c, String id, int version) {
    return jdbc.update("DELETE FROM " + c.table() + " WHERE id = ? AND version = ?", id, version);
  }

  public void setVersion(CollectionSpec c, String id, int version) {
    jdbc.update("UPDATE " + c.table() + " SET version = ? WHERE id = ?", version, id);
  }

  /** The outlines of other parcels of a park that may touch an envelope. */
  public List<Current> parcelsNear(String parkId, Envelope e, String exceptId) {
    return jdbc.query("SELECT id, plan_id, version, ST_AsBinary(geom), park_id FROM parcel WHERE park_id = ?"
        + " AND id <> ? AND geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)",
        (rs, i) -> new Current(rs.getString(1), rs.getString(2), rs.getInt(3), Geometries.fromWkb(rs.getBytes(4)),
            rs.getString(5)),
        parkId, exceptId == null ? "" : exceptId, e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY());
  }

  /** All parcels of a park with their land use and stored area (for the balance table). */
  public record ParcelArea(String landUseCode, double areaM2) {}

  public List<ParcelArea> parcelAreas(String parkId) {
    return jdbc.query("SELECT land_use_code, area_m2 FROM parcel WHERE park_id = ?",
        (rs, i) -> new ParcelArea(rs.getString(1), rs.getDouble(2)), parkId);
  }
}
