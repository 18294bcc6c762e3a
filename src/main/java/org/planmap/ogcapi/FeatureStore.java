package org.planmap.ogcapi;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.planmap.geo.BBox;
import org.planmap.plan.CollectionSpec;
import org.planmap.plan.Column;
import org.planmap.plan.PlanCollections;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/** The SQL of OGC API reads. Table and column names come from {@link CollectionSpec}; values are parameters. */
@Repository
public class FeatureStore {
  private final JdbcTemplate jdbc;

  public FeatureStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.jdbc.setFetchSize(1000);
  }

  public long count(ItemsQuery q) {
    Where w = where(q);
    Long n = jdbc.queryForObject("SELECT COUNT(*) FROM " + q.collection().table() + w.sql, Long.class, w.args.toArray());
    return n == null ? 0 : n;
  }

  /**
   * Streams one page of features, ordered by id, to the handler; with {@code simplify} the database simplifies the
   * geometries (ST_SimplifyPreserveTopology: PostGIS's C, or JTS inside H2GIS).
   */
  public void page(ItemsQuery q, RowCallbackHandler handler) {
    Where w = where(q);
    List<Object> args = new ArrayList<>();
    if (q.simplify() > 0) {
      args.add(q.simplify());
    }
    args.addAll(w.args);
    args.add(q.limit());
    args.add(q.offset());
    jdbc.query(select(q.collection(), q.simplify() > 0) + w.sql + " ORDER BY id LIMIT ? OFFSET ?", handler,
        args.toArray());
  }

  /** @return whether the feature exists (it was handed to the handler) */
  public boolean byId(CollectionSpec c, String id, RowCallbackHandler handler) {
    boolean[] found = {false};
    jdbc.query(select(c) + " WHERE id = ?", rs -> {
      found[0] = true;
      handler.processRow(rs);
    }, id);
    return found[0];
  }

  /** The lon/lat extent of a collection (optionally of one plan), or null when it is empty. */
  public BBox extent(CollectionSpec c, String plan) {
    String sql = "SELECT MIN(ST_XMin(geom)), MIN(ST_YMin(geom)), MAX(ST_XMax(geom)), MAX(ST_YMax(geom)) FROM "
        + c.table() + " WHERE geom IS NOT NULL" + (plan == null ? "" : " AND plan_id = ?");
    Object[] args = plan == null ? new Object[0] : new Object[] {plan};
    return jdbc.query(sql, rs -> {
      if (!rs.next() || rs.getObject(1) == null) {
        return null;
      }
      return new BBox(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4));
    }, args);
  }

  static String select(CollectionSpec c) {
    return select(c, false);
  }

  /** @param simplified whether the geometry is simplified to a tolerance given as the first parameter */
  private static String select(CollectionSpec c, boolean simplified) {
    String columns = c.columns().stream().map(Column::name).collect(Collectors.joining(", "));
    String seat = c == PlanCollections.TERRITORIES ? ", ST_AsBinary(seat) AS seat_wkb" : "";
    String geom = simplified ? "ST_SimplifyPreserveTopology(geom, ?)" : "geom";
    return "SELECT id, plan_id, " + columns + ", attrs, version, ST_AsBinary(" + geom + ") AS wkb" + seat
        + " FROM " + c.table();
  }

  private static Where where(ItemsQuery q) {
    Where w = new Where();
    if (q.plan() != null) {
      w.and("plan_id = ?", q.plan());
    }
    if (q.kind() != null) {
      w.and("kind = ?", q.kind());
    }
    BBox b = q.bbox();
    if (b != null) {
      w.and("geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)", b.minLon(), b.minLat(), b.maxLon(), b.maxLat());
      w.and("ST_Intersects(geom, ST_MakeEnvelope(?, ?, ?, ?, 4326))", b.minLon(), b.minLat(), b.maxLon(), b.maxLat());
    }
    return w;
  }

  private static final class Where {
    private String sql = "";
    private final List<Object> args = new ArrayList<>();

    void and(String condition, Object... values) {
      sql += (sql.isEmpty() ? " WHERE " : " AND ") + condition;
      args.addAll(List.of(values));
    }
  }
}
