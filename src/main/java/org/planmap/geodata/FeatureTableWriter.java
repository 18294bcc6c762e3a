package org.planmap.geodata;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.locationtech.jts.geom.Geometry;
import org.planmap.geo.Dialect;
import org.planmap.geo.Geometries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.planmap.plan.CollectionSpec;
import org.planmap.plan.Column;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * The SQL that writes loaded features into their tables. Identifiers come from {@link CollectionSpec} only;
 * values are bound as parameters (or streamed with {@code COPY} on PostGIS, see {@link #open}). Properties without
 * a column of their own are kept in {@code attrs} (JSON).
 */
@Component
public class FeatureTableWriter {
  /** Prefix of {@code source_file} for rows that users created or changed. */
  public static final String USER = "user:";
  private static final Logger log = LoggerFactory.getLogger(FeatureTableWriter.class);
  private static final int BATCH = 1000;
  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final Dialect dialect;

  public FeatureTableWriter(JdbcTemplate jdbc, ObjectMapper json, DataSource dataSource) {
    this.jdbc = jdbc;
    this.json = json;
    this.dialect = Dialect.of(dataSource);
  }

  /** A stream of new rows into one table; {@link #finish} completes it, {@link #close} without it abandons it. */
  public interface Rows extends AutoCloseable {
    /**
     * Adds a row. Its geometry must be valid already (it is written as it is), its id new, and its properties a
     * modifiable map the stream may use up.
     */
    void add(FeatureRecord f);

    void finish();

    @Override
    void close();
  }

  /**
   * Opens a stream of many new rows (an import) on the current transaction's connection: {@code COPY … FROM STDIN}
   * on PostGIS, batched {@code INSERT}s on H2GIS. Must run inside a transaction, which a failure rolls back whole.
   * Unlike {@link #insert}, it neither repairs geometry nor looks for rows planners edited: the ids are new.
   */
  public Rows open(CollectionSpec spec, String planId, String sourceFile) {
    if (dialect == Dialect.POSTGIS) {
      return new FeatureCopyWriter(jdbc, spec, sourceFile, (f, where) -> values(spec, planId, sourceFile, f, where, true));
    }
    String sql = insertSql(spec, false);
    return new Rows() {
      private final List<Object[]> rows = new ArrayList<>();

      @Override
      public void add(FeatureRecord f) {
        Object[] v = values(spec, planId, sourceFile, f, sourceFile + " feature " + f.id(), true);
        v[v.length - 1] = Geometries.toWkb((Geometry) v[v.length - 1]);
        rows.add(v);
        if (rows.size() == BATCH) {
          flush();
        }
      }

      private void flush() {
        jdbc.batchUpdate(sql, rows);
        rows.clear();
      }

      @Override
      public void finish() {
        flush();
      }

      @Override
      public void close() {
        rows.clear();
      }
    };
  }

  public int deleteBySourceFile(CollectionSpec spec, String sourceFile) {
    return jdbc.update("DELETE FROM " + spec.table() + " WHERE source_file = ?", sourceFile);
  }

  /**
   * Inserts features of one collection, all owned by {@code sourceFile}.
   *
   * @param seats seat points by feature id (territories only; may be empty)
   */
  public void insert(CollectionSpec spec, String planId, String sourceFile, List<FeatureRecord> features,
      Map<String, Geometry> seats) {
    boolean withSeat = spec.hasColumn("adcode");
    String sql = insertSql(spec, withSeat);
    Set<String> ids = new HashSet<>();
    Set<String> edited = sourceFile.startsWith(USER) ? Set.of() : editedByUsers(spec);
    List<Object[]> rows = new ArrayList<>();
    for (FeatureRecord f : features) {
      String where = sourceFile + " feature " + f.id();
      if (f.id() == null || f.id().isBlank() || !ids.add(f.id())) {
        throw new IllegalArgumentException(where + ": missing or duplicate id");
      }
      if (edited.contains(f.id())) {
        log.info("{}: kept the version a planner edited; the file's version is not loaded", where);
        continue;
      }
      rows.add(row(spec, planId, sourceFile, f, seats.get(f.id()), withSeat, where));
    }
    jdbc.batchUpdate(sql, rows);
  }

  private static String insertSql(CollectionSpec spec, boolean withSeat) {
    String marks = spec.columns().stream().map(c -> "?").collect(Collectors.joining(", "));
    return "INSERT INTO " + spec.table() + " (" + columnList(spec) + (withSeat ? ", seat" : "") + ") VALUES (?, ?, "
        + marks + ", ?, ?, ST_GeomFromWKB(?, 4326)" + (withSeat ? ", ST_GeomFromWKB(?, 4326)" : "") + ")";
  }

  /** The columns a row fills, in the order of {@link #values}. */
  static String columnList(CollectionSpec spec) {
    return "id, plan_id, " + spec.columns().stream().map(Column::name).collect(Collectors.joining(", "))
        + ", attrs, source_file, geom";
  }

  /** Features a planner has changed belong to them from then on: a reload of the shipped file never overwrites them. */
  private Set<String> editedByUsers(CollectionSpec spec) {
    return new HashSet<>(jdbc.queryForList("SELECT id FROM " + spec.table() + " WHERE source_file LIKE ?",
        String.class, USER + "%"));
  }

  private Object[] row(CollectionSpec spec, String planId, String sourceFile, FeatureRecord f, Geometry seat,
      boolean withSeat, String where) {
    Object[] v = values(spec, planId, sourceFile, new FeatureRecord(f.id(), f.properties(),
        Geometries.valid(f.geometry())), where, false);
    v[v.length - 1] = Geometries.toWkb((Geometry) v[v.length - 1]);
    if (!withSeat) {
      return v;
    }
    Object[] out = java.util.Arrays.copyOf(v, v.length + 1);
    out[v.length] = Geometries.toWkb(seat);
    return out;
  }

  /**
   * A row's values in the order of {@link #columnList}, the geometry last and as it is; checks what is required.
   * With {@code own}, the feature's properties are the caller's to give away (a {@link Rows} stream): used up.
   */
  private Object[] values(CollectionSpec spec, String planId, String sourceFile, FeatureRecord f, String where,
      boolean own) {
    List<Column> columns = spec.columns();
    Map<String, Object> rest = own ? f.properties() : new LinkedHashMap<>(f.properties());
    List<Object> values = new ArrayList<>();
    values.add(f.id());
    values.add(planId);
    for (Column c : columns) {
      values.add(convert(c, rest.remove(c.name()), where));
    }
    rest.values().removeIf(v -> v == null);
    values.add(rest.isEmpty() ? null : attrs(rest));
    values.add(sourceFile);
    values.add(f.geometry());
    require(values.get(2) != null, where + ": missing name");
    require(values.get(4) != null, where + ": missing kind");
    require(values.get(9) != null, where + ": missing position_accuracy");
    return values.toArray();
  }

  private String attrs(Map<String, Object> rest) {
    String flat = FlatJson.of(rest);
    return flat != null ? flat : json.writeValueAsString(rest);
  }

  private Object convert(Column c, Object v, String where) {
    if (v == null) {
      return c.name().equals("outside_territory") ? Boolean.FALSE : null;
    }
    try {
      return switch (c.type()) {
        case TEXT -> v.toString();
        case JSON -> json.writeValueAsString(v);
        case INTEGER -> v instanceof Number n ? n.intValue() : Integer.valueOf(v.toString().trim());
        case DOUBLE -> v instanceof Number n ? n.doubleValue() : Double.valueOf(v.toString().trim());
        case BOOLEAN -> v instanceof Boolean b ? b
            : v instanceof Number n ? n.intValue() != 0
            : java.util.Set.of("true", "t", "1", "yes", "y").contains(v.toString().trim().toLowerCase());
      };
    } catch (NumberFormatException e) {
      throw new BadValue(where, c.name(), c.name() + " '" + v + "' is not "
          + (c.type() == Column.Type.INTEGER ? "a whole number" : "a number"));
    }
  }

  /** A property value its column cannot take (e.g. text in a number column); {@link #reason} is for the user. */
  public static final class BadValue extends IllegalArgumentException {
    private final String field;
    private final String reason;

    BadValue(String where, String field, String reason) {
      super(where + ": " + reason);
      this.field = field;
      this.reason = reason;
    }

    public String field() {
      return field;
    }

    public String reason() {
      return reason;
    }
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
