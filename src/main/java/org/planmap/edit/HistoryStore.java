package org.planmap.edit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The SQL of {@code feature_history}. States are GeoJSON Feature text as the OGC API serves it. */
@Repository
public class HistoryStore {
  private static final RowMapper<Entry> ENTRY = (rs, i) -> new Entry(rs.getLong("id"), rs.getString("collection"),
      rs.getString("feature_id"), rs.getInt("version"), rs.getString("operation"), rs.getString("username"),
      rs.getTimestamp("changed_at").toInstant(), rs.getString("before_state"), rs.getString("after_state"));
  private final JdbcTemplate jdbc;

  public HistoryStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** One recorded change. */
  public record Entry(long id, String collection, String featureId, int version, String operation, String username,
      Instant changedAt, String before, String after) {}

  public void record(String collection, String featureId, int version, String operation, String username,
      String before, String after) {
    jdbc.update("INSERT INTO feature_history (collection, feature_id, version, operation, username, changed_at,"
        + " before_state, after_state) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", collection, featureId, version, operation,
        username, Timestamp.from(Instant.now()), before, after);
  }

  public List<Entry> list(String collection, String featureId) {
    return jdbc.query("SELECT * FROM feature_history WHERE collection = ? AND feature_id = ? ORDER BY id", ENTRY,
        collection, featureId);
  }

  /** The state a feature had at a version (the after-state of the change that made that version). */
  public Optional<Entry> atVersion(String collection, String featureId, int version) {
    return jdbc.query("SELECT * FROM feature_history WHERE collection = ? AND feature_id = ? AND version = ?"
        + " AND after_state IS NOT NULL ORDER BY id DESC", ENTRY, collection, featureId, version).stream().findFirst();
  }

  public int latestVersion(String collection, String featureId) {
    Integer v = jdbc.queryForObject("SELECT MAX(version) FROM feature_history WHERE collection = ? AND feature_id = ?",
        Integer.class, collection, featureId);
    return v == null ? 0 : v;
  }
}
