package org.planmap.security;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.planmap.geo.Geometries;
import org.planmap.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * A planner edits only within the territories granted to them: every geometry an edit touches (before and after)
 * must lie in their granted county outlines; a feature without geometry must belong to a plan whose territory is
 * wholly granted. Admins may edit everywhere.
 */
@Component
public class TerritoryGuard {
  private final JdbcTemplate jdbc;
  private final UserStore users;
  private final SecuritySettings settings;
  private final Map<String, PreparedGeometry> areas = new ConcurrentHashMap<>();

  public TerritoryGuard(JdbcTemplate jdbc, UserStore users, SecuritySettings settings) {
    this.jdbc = jdbc;
    this.users = users;
    this.settings = settings;
  }

  public void checkCanEdit(Authentication auth, String planId, Geometry... geometries) {
    if (auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"))) {
      return;
    }
    Set<String> grants = users.grants(auth.getName());
    if (grants.isEmpty()) {
      throw forbidden("no_grants", "no territory is granted to you yet; ask an administrator");
    }
    boolean located = false;
    PreparedGeometry allowed = grantedArea(grants);
    for (Geometry g : geometries) {
      if (g != null) {
        located = true;
        if (allowed == null || !allowed.covers(g)) {
          throw forbidden("outside_territory", "this lies outside the territories granted to you " + grants);
        }
      }
    }
    if (!located && planId != null && !grants.containsAll(planTerritories(planId))) {
      throw forbidden("plan_not_granted", "plan '" + planId + "' covers territories not granted to you " + grants);
    }
  }

  /**
   * The union of the granted outlines, buffered by the edit tolerance. Union and buffer of detailed county outlines
   * take long (hundreds of ms under load, inside the edit's transaction), so the result is kept, keyed by the
   * outlines' bytes: a reloaded outline makes a new key.
   */
  private PreparedGeometry grantedArea(Set<String> grants) {
    List<byte[]> outlines = jdbc.query("SELECT ST_AsBinary(geom) FROM territory WHERE adcode IN ("
        + String.join(",", grants.stream().map(g -> "?").toList()) + ") ORDER BY adcode",
        (rs, i) -> rs.getBytes(1), grants.toArray());
    if (outlines.isEmpty()) {
      return null;
    }
    CRC32 crc = new CRC32();
    outlines.forEach(crc::update);
    String key = new TreeSet<>(grants) + ":" + crc.getValue() + ":" + settings.editToleranceDegrees();
    if (areas.size() > 256) {
      areas.clear();
    }
    return areas.computeIfAbsent(key, k -> PreparedGeometryFactory.prepare(UnaryUnionOp.union(outlines.stream()
        .map(b -> Geometries.valid(Geometries.fromWkb(b))).toList()).buffer(settings.editToleranceDegrees())));
  }

  private List<String> planTerritories(String planId) {
    return jdbc.queryForList("SELECT adcode FROM territory WHERE plan_id = ? AND adcode IS NOT NULL", String.class,
        planId);
  }

  private static ApiException forbidden(String code, String detail) {
    return new ApiException(HttpStatus.FORBIDDEN, "Not allowed", detail).with("code", code);
  }
}
