package org.planmap.geodata;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The SQL of {@code geodata_file}: which file was loaded with which checksum. */
@Repository
public class GeodataFileRegistry {
  private final JdbcTemplate jdbc;

  public GeodataFileRegistry(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Map<String, String> checksums() {
    Map<String, String> out = new HashMap<>();
    jdbc.query("SELECT path, sha256 FROM geodata_file", rs -> {
      out.put(rs.getString(1), rs.getString(2));
    });
    return out;
  }

  public void record(String path, String sha256, int features) {
    jdbc.update("DELETE FROM geodata_file WHERE path = ?", path);
    jdbc.update("INSERT INTO geodata_file (path, sha256, features, loaded_at) VALUES (?, ?, ?, ?)",
        path, sha256, features, Timestamp.from(Instant.now()));
  }

  public void forget(String path) {
    jdbc.update("DELETE FROM geodata_file WHERE path = ?", path);
  }
}
