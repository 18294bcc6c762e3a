package org.planmap.plan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** The SQL of plans and their indicator tables. */
@Repository
public class PlanRepository {
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
  private static final TypeReference<LinkedHashMap<String, String>> TARGETS = new TypeReference<>() {};
  private final JdbcTemplate jdbc;
  private final ObjectMapper json;

  public PlanRepository(JdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  public List<PlanRecord> findAll() {
    return jdbc.query("SELECT * FROM plan ORDER BY id", this::plan);
  }

  public Optional<PlanRecord> findById(String id) {
    return jdbc.query("SELECT * FROM plan WHERE id = ?", this::plan, id).stream().findFirst();
  }

  /** Whether Planmap knows a plan of this id (null is no plan). */
  public boolean exists(String id) {
    return id != null && !jdbc.queryForList("SELECT id FROM plan WHERE id = ?", String.class, id).isEmpty();
  }

  private PlanRecord plan(ResultSet rs, int row) throws SQLException {
    return new PlanRecord(rs.getString("id"), rs.getString("title"), rs.getString("issuer"), rs.getString("plan_date"),
        rs.getString("period"), rs.getString("territory_name"),
        json.readValue(rs.getString("territory_adcodes"), STRINGS), rs.getString("source_doc"),
        (Integer) rs.getObject("source_line"), rs.getString("notes"));
  }

  public List<Indicator> indicators(String planId) {
    return jdbc.query("SELECT * FROM indicator WHERE plan_id = ? ORDER BY source_line, id", (rs, i) -> new Indicator(
        rs.getString("id"), rs.getString("plan_id"), rs.getString("name"), rs.getString("category"),
        rs.getString("unit"), rs.getString("base_year"), rs.getString("base_value"),
        rs.getString("targets") == null ? Map.of() : json.readValue(rs.getString("targets"), TARGETS),
        rs.getString("nature"), rs.getString("source_doc"), rs.getInt("source_line"),
        rs.getString("source_text"), rs.getString("notes")), planId);
  }

  /** A feature as the data report needs it. */
  public record ReportRow(String id, String name, List<String> aliases, String positionAccuracy, Integer sourceLine,
      String notes) {}

  /** The features of one plan in one collection (table name from the whitelist). */
  public List<ReportRow> reportRows(CollectionSpec c, String planId) {
    return jdbc.query("SELECT id, name, aliases, position_accuracy, source_line, notes FROM " + c.table()
        + " WHERE plan_id = ? ORDER BY id", (rs, i) -> new ReportRow(rs.getString("id"), rs.getString("name"),
            aliases(rs.getString("aliases")),
            rs.getString("position_accuracy"), (Integer) rs.getObject("source_line"), rs.getString("notes")), planId);
  }

  /** Aliases are a JSON array; a file that stored a single string (e.g. a shapefile) yields that string. */
  private List<String> aliases(String stored) {
    if (stored == null) {
      return List.of();
    }
    return stored.trim().startsWith("[") ? json.readValue(stored, STRINGS) : List.of(json.readValue(stored, String.class));
  }

  public void insert(PlanRecord p, String sourceFile) {
    jdbc.update("INSERT INTO plan (id, title, issuer, plan_date, period, territory_name, territory_adcodes,"
        + " source_doc, source_line, notes, source_file) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        p.id(), p.title(), p.issuer(), p.date(), p.period(), p.territoryName(),
        json.writeValueAsString(p.territoryAdcodes()), p.sourceDoc(), p.sourceLine(), p.notes(), sourceFile);
  }

  public void insertIndicators(List<Indicator> rows, String sourceFile) {
    jdbc.batchUpdate("INSERT INTO indicator (id, plan_id, name, category, unit, base_year, base_value, targets,"
        + " nature, source_doc, source_line, source_text, notes, source_file)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows.stream().map(r -> new Object[] {r.id(), r.planId(), r.name(), r.category(), r.unit(), r.baseYear(),
            r.baseValue(), json.writeValueAsString(r.targets()), r.nature(), r.sourceDoc(), r.sourceLine(),
            r.sourceText(), r.notes(), sourceFile}).toList());
  }

  public void deleteBySourceFile(String sourceFile) {
    jdbc.update("DELETE FROM indicator WHERE source_file = ?", sourceFile);
    jdbc.update("DELETE FROM plan WHERE source_file = ?", sourceFile);
  }

  /** Marks the county-level territories that a plan covers (run after every load). */
  public void linkTerritories(PlanRecord p) {
    for (String adcode : p.territoryAdcodes()) {
      jdbc.update("UPDATE territory SET plan_id = ? WHERE adcode = ? AND (plan_id IS NULL OR plan_id <> ?)",
          p.id(), adcode, p.id());
    }
  }
}
