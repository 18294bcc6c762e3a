package org.planmap.exchange;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.planmap.geo.BBox;
import org.planmap.geo.Geometries;
import org.planmap.plan.CollectionSpec;
import org.planmap.plan.Column;
import org.planmap.plan.PlanCollections;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The SQL of import and export. Table and column names come only from {@link PlanCollections}; values are
 * parameters. Exports stream through a server-side cursor (read-only transaction, fetch size), so memory stays
 * flat however large the layer.
 */
@Repository
public class ExchangeStore {
  private final JdbcTemplate jdbc;
  private final TransactionTemplate readOnly;
  private final ObjectMapper json;

  public ExchangeStore(DataSource dataSource, PlatformTransactionManager tm, ObjectMapper json) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.jdbc.setFetchSize(1000);
    this.readOnly = new TransactionTemplate(tm);
    this.readOnly.setReadOnly(true);
    this.json = json;
  }

  public long count(ExportFilter f) {
    Where w = where(f);
    Long n = jdbc.queryForObject("SELECT COUNT(*) FROM " + f.collection().table() + w.sql, Long.class, w.args.toArray());
    return n == null ? 0 : n;
  }

  /** Longest text (in characters) of each text or JSON column of the selection, by column name. */
  public Map<String, Integer> textLengths(ExportFilter f) {
    List<String> cols = new ArrayList<>(List.of("id", "plan_id"));
    f.collection().columns().stream().filter(c -> c.type() == Column.Type.TEXT || c.type() == Column.Type.JSON)
        .forEach(c -> cols.add(c.name()));
    String select = cols.stream().map(c -> "MAX(CHAR_LENGTH(" + c + "))").collect(Collectors.joining(", "));
    Where w = where(f);
    return jdbc.query("SELECT " + select + " FROM " + f.collection().table() + w.sql, rs -> {
      Map<String, Integer> out = new LinkedHashMap<>();
      rs.next();
      for (int i = 0; i < cols.size(); i++) {
        out.put(cols.get(i), rs.getInt(i + 1));
      }
      return out;
    }, w.args.toArray());
  }

  /** The free attributes present in the selection: key → longest value (characters) and whether all are numbers. */
  public Map<String, AttrStats> attrs(ExportFilter f) {
    Map<String, AttrStats> out = new LinkedHashMap<>();
    Where w = where(f);
    readOnly.executeWithoutResult(s -> jdbc.query("SELECT attrs FROM " + f.collection().table() + w.sql
        + (w.sql.isEmpty() ? " WHERE" : " AND") + " attrs IS NOT NULL", rs -> {
          for (Map.Entry<String, JsonNode> e : json.readTree(rs.getString(1)).properties()) {
            AttrStats a = out.computeIfAbsent(e.getKey(), k -> new AttrStats());
            JsonNode v = e.getValue();
            if (!v.isNull()) {
              a.numeric &= v.isNumber();
              a.maxChars = Math.max(a.maxChars, (v.isString() ? v.asString() : v.toString()).length());
            }
          }
        }, w.args.toArray()));
    return out;
  }

  /** Streams the selected features, ordered by id, inside one read-only transaction. */
  public void stream(ExportFilter f, Consumer<ExportRow> sink) {
    CollectionSpec c = f.collection();
    String columns = c.columns().stream().map(Column::name).collect(Collectors.joining(", "));
    Where w = where(f);
    String sql = "SELECT id, plan_id, " + columns + ", attrs, version, ST_AsBinary(geom) AS wkb FROM " + c.table()
        + w.sql + " ORDER BY id";
    readOnly.executeWithoutResult(s -> jdbc.query(sql, rs -> {
      sink.accept(row(c, rs));
    }, w.args.toArray()));
  }

  private ExportRow row(CollectionSpec c, ResultSet rs) throws SQLException {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("plan_id", rs.getString("plan_id"));
    for (Column col : c.columns()) {
      Object o = rs.getObject(col.name());
      v.put(col.name(), o == null ? null : switch (col.type()) {
        case INTEGER -> rs.getLong(col.name());
        case DOUBLE -> rs.getDouble(col.name());
        case BOOLEAN -> rs.getBoolean(col.name());
        default -> rs.getString(col.name());
      });
    }
    v.put("version", rs.getLong("version"));
    String attrs = rs.getString("attrs");
    if (attrs != null) {
      for (Map.Entry<String, JsonNode> e : json.readTree(attrs).properties()) {
        JsonNode n = e.getValue();
        v.putIfAbsent("attrs." + e.getKey(), n.isNull() ? null : n.isNumber() ? n.numberValue()
            : n.isBoolean() ? n.asBoolean() : n.isString() ? n.asString() : n.toString());
      }
    }
    return new ExportRow(rs.getString("id"), v, Geometries.fromWkb(rs.getBytes("wkb")));
  }

  /** The longitude of the middle of a plan's territories, or null when the plan has none. */
  public Double planCentreLon(String plan) {
    return jdbc.query("SELECT (MIN(ST_XMin(geom)) + MAX(ST_XMax(geom))) / 2 FROM territory WHERE plan_id = ?"
        + " AND geom IS NOT NULL", rs -> rs.next() && rs.getObject(1) != null ? rs.getDouble(1) : null, plan);
  }

  /** The lon/lat extent of the selection, or null when it has no geometry. */
  public BBox extent(ExportFilter f) {
    Where w = where(f);
    return jdbc.query("SELECT MIN(ST_XMin(geom)), MIN(ST_YMin(geom)), MAX(ST_XMax(geom)), MAX(ST_YMax(geom)) FROM "
        + f.collection().table() + w.sql, rs -> rs.next() && rs.getObject(1) != null
            ? new BBox(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)) : null, w.args.toArray());
  }

  public boolean exists(CollectionSpec c, String id) {
    Long n = jdbc.queryForObject("SELECT COUNT(*) FROM " + c.table() + " WHERE id = ?", Long.class, id);
    return n != null && n > 0;
  }

  /** Row count and a checksum of ids and versions of a collection (for all-or-nothing checks and reports). */
  public long[] countAndChecksum(CollectionSpec c) {
    long[] out = {0, 0};
    jdbc.query("SELECT id, version FROM " + c.table(), rs -> {
      out[0]++;
      out[1] = out[1] * 31 + (rs.getString(1).hashCode() ^ rs.getInt(2));
    });
    return out;
  }

  private static Where where(ExportFilter f) {
    Where w = new Where();
    CollectionSpec c = f.collection();
    if (f.plan() != null) {
      w.and("plan_id = ?", f.plan());
    }
    if (f.territory() != null) {
      w.and("ST_Intersects(geom, (SELECT t.geom FROM territory t WHERE t.id = ?))", f.territory());
    }
    if (f.park() != null) {
      if (c == PlanCollections.PARKS) {
        w.and("(id = ? OR parent_park = ?)", f.park(), f.park());
      } else if (c.hasColumn("park_id")) {
        w.and("park_id = ?", f.park());
      } else {
        w.and("ST_Intersects(geom, (SELECT p.geom FROM park p WHERE p.id = ?))", f.park());
      }
    }
    if (f.bbox() != null) {
      BBox b = f.bbox();
      w.and("geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)", b.minLon(), b.minLat(), b.maxLon(), b.maxLat());
      w.and("ST_Intersects(geom, ST_MakeEnvelope(?, ?, ?, ?, 4326))", b.minLon(), b.minLat(), b.maxLon(), b.maxLat());
    }
    return w;
  }

  /** Statistics of one free attribute over a selection. */
  public static final class AttrStats {
    boolean numeric = true;
    int maxChars;
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
