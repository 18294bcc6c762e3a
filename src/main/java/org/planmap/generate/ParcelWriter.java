package org.planmap.generate;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import javax.sql.DataSource;
import org.planmap.geo.Dialect;
import org.planmap.geo.Geometries;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The SQL of the generator: anchors out, parcels in (JDBC batches), on both stores. */
@Repository
public class ParcelWriter {
  /** {@code source_file} of generated rows, so a new run replaces exactly them. */
  public static final String SOURCE = "generated:parcels";
  private static final String INSERT = "INSERT INTO parcel (id, plan_id, name, kind, position_accuracy, notes,"
      + " source_file, park_id, land_use_code, land_use_name, far, building_density, green_ratio, height_limit,"
      + " area_m2, geom) VALUES (?, ?, ?, 'parcel', 'schematic', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
      + " ST_GeomFromWKB(?, " + Geometries.WGS84 + "))";
  private static final String NOTE = "synthetic parcel for benchmarks and load tests (planmap.generate)";
  private final JdbcTemplate jdbc;
  private final Dialect dialect;

  public ParcelWriter(JdbcTemplate jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.dialect = Dialect.of(dataSource);
  }

  /**
   * Parks (by centroid) and seats of sub-units and counties that lie in their plan's territory, ordered so runs
   * are reproducible.
   */
  List<Anchor> anchors() {
    Map<String, Territory> outlines = territories();
    List<Anchor> anchors = new ArrayList<>(jdbc.query("SELECT id, plan_id, name, ST_X(ST_Centroid(geom)),"
        + " ST_Y(ST_Centroid(geom)) FROM park WHERE geom IS NOT NULL AND plan_id IS NOT NULL ORDER BY id",
        (rs, i) -> new Anchor(rs.getString(2), rs.getString(1), rs.getString(3), rs.getDouble(4), rs.getDouble(5),
            outlines.get(rs.getString(2)))));
    anchors.addAll(jdbc.query("SELECT id, plan_id, name, ST_X(seat), ST_Y(seat) FROM territory"
        + " WHERE seat IS NOT NULL AND plan_id IS NOT NULL ORDER BY id",
        (rs, i) -> new Anchor(rs.getString(2), null, rs.getString(3), rs.getDouble(4), rs.getDouble(5),
            outlines.get(rs.getString(2)))));
    anchors.removeIf(a -> a.territory() == null || !a.territory().contains(
        Geometries.FACTORY.createPoint(new Coordinate(a.lon(), a.lat()))));
    return anchors;
  }

  /** Each plan's territory: its county/city outlines (rows with an adcode), prepared for fast point tests. */
  private Map<String, Territory> territories() {
    Map<String, List<PreparedGeometry>> parts = new TreeMap<>();
    jdbc.query("SELECT plan_id, ST_AsBinary(geom) FROM territory WHERE adcode IS NOT NULL AND plan_id IS NOT NULL"
        + " AND geom IS NOT NULL ORDER BY id", (ResultSet rs) -> {
          parts.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
              .add(PreparedGeometryFactory.prepare(Geometries.fromWkb(rs.getBytes(2))));
        });
    Map<String, Territory> outlines = new TreeMap<>();
    parts.forEach((plan, list) -> outlines.put(plan, new Territory(list)));
    return outlines;
  }

  int deleteGenerated() {
    return jdbc.update("DELETE FROM parcel WHERE source_file = ?", SOURCE);
  }

  void insert(List<GeneratedParcel> batch) {
    jdbc.batchUpdate(INSERT, batch, batch.size(), ParcelWriter::bind);
  }

  /** Refreshes planner statistics after a bulk load (PostGIS; H2 keeps its own). */
  void analyze() {
    if (dialect == Dialect.POSTGIS) {
      jdbc.execute("ANALYZE parcel");
    }
  }

  private static void bind(PreparedStatement ps, GeneratedParcel p) throws SQLException {
    ps.setString(1, p.id());
    ps.setString(2, p.plan());
    ps.setString(3, p.name());
    ps.setString(4, NOTE);
    ps.setString(5, SOURCE);
    ps.setString(6, p.parkId());
    ps.setString(7, p.use().code());
    ps.setString(8, p.use().name());
    number(ps, 9, p.far());
    number(ps, 10, p.density());
    number(ps, 11, p.green());
    number(ps, 12, p.heightLimit());
    ps.setDouble(13, p.areaM2());
    ps.setBytes(14, Geometries.toWkb(p.geom()));
  }

  private static void number(PreparedStatement ps, int i, Double v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.DOUBLE);
    } else {
      ps.setDouble(i, v);
    }
  }
}
