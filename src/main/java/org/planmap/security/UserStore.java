package org.planmap.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The SQL of accounts and territory grants. */
@Repository
public class UserStore {
  private final JdbcTemplate jdbc;

  public UserStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** An account as stored (the hash never leaves the server). */
  public record Account(String username, String passwordHash, Role role, boolean enabled) {}

  public Optional<Account> find(String username) {
    return jdbc.query("SELECT username, password_hash, role, enabled FROM app_user WHERE username = ?",
        (rs, i) -> new Account(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)), rs.getBoolean(4)),
        username).stream().findFirst();
  }

  public List<Account> all() {
    return jdbc.query("SELECT username, password_hash, role, enabled FROM app_user ORDER BY username",
        (rs, i) -> new Account(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)), rs.getBoolean(4)));
  }

  public long count() {
    Long n = jdbc.queryForObject("SELECT COUNT(*) FROM app_user", Long.class);
    return n == null ? 0 : n;
  }

  public void insert(String username, String passwordHash, Role role) {
    jdbc.update("INSERT INTO app_user (username, password_hash, role, enabled, created_at) VALUES (?, ?, ?, TRUE, ?)",
        username, passwordHash, role.name(), Timestamp.from(Instant.now()));
  }

  public int delete(String username) {
    return jdbc.update("DELETE FROM app_user WHERE username = ?", username);
  }

  public Set<String> grants(String username) {
    return new TreeSet<>(jdbc.queryForList("SELECT adcode FROM user_grant WHERE username = ?", String.class, username));
  }

  public void replaceGrants(String username, Set<String> adcodes) {
    jdbc.update("DELETE FROM user_grant WHERE username = ?", username);
    jdbc.batchUpdate("INSERT INTO user_grant (username, adcode) VALUES (?, ?)",
        adcodes.stream().map(a -> new Object[] {username, a}).toList());
  }

  /** Adcodes among those given that are not county-level territories Planmap knows. */
  public Set<String> unknownAdcodes(Set<String> adcodes) {
    Set<String> unknown = new TreeSet<>(adcodes);
    unknown.removeAll(jdbc.queryForList("SELECT adcode FROM territory WHERE adcode IS NOT NULL", String.class));
    return unknown;
  }
}
