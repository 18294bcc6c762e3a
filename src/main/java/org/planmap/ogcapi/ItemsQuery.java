package org.planmap.ogcapi;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.planmap.config.PlanmapProperties;
import org.planmap.geo.BBox;
import org.planmap.plan.CollectionSpec;
import org.planmap.web.ApiException;

/**
 * A validated {@code /items} request: filters (plan, kind, bbox), the page (limit, offset) and an optional
 * simplification of the geometries ({@code simplify}, a tolerance in degrees; 0 = as stored), done by the database.
 * A limit above the maximum is clamped, as OGC API - Features requires; unknown parameters are refused.
 */
public record ItemsQuery(CollectionSpec collection, String plan, String kind, BBox bbox, int limit, long offset,
    double simplify) {
  static final Set<String> PARAMETERS = Set.of("limit", "offset", "bbox", "bbox-crs", "plan", "kind", "f", "simplify");
  /** The largest simplification tolerance accepted: 0.1° (~10 km) is already an outline for a small-scale overview. */
  static final double MAX_SIMPLIFY = 0.1;
  private static final Pattern SLUG = Pattern.compile("[a-z0-9_-]{1,40}");
  private static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

  public static ItemsQuery parse(CollectionSpec collection, Map<String, String[]> params,
      PlanmapProperties.OgcApi paging) {
    OgcParams.requireOnly(params, PARAMETERS);
    OgcParams.requireJsonFormat(params);
    String crs = OgcParams.single(params, "bbox-crs");
    if (crs != null && !crs.equals(CRS84)) {
      throw ApiException.badRequest("bbox-crs '" + crs + "' is not supported; use " + CRS84 + " (lon/lat)");
    }
    BBox bbox = null;
    String bboxText = OgcParams.single(params, "bbox");
    if (bboxText != null) {
      try {
        bbox = BBox.parse(bboxText);
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest(e.getMessage());
      }
    }
    int limit = (int) Math.min(OgcParams.nonNegative(params, "limit", paging.defaultLimit()), paging.maxLimit());
    if (limit < 1) {
      throw ApiException.badRequest("limit must be at least 1");
    }
    long offset = OgcParams.nonNegative(params, "offset", 0);
    return new ItemsQuery(collection, slug(params, "plan"), slug(params, "kind"), bbox, limit, offset,
        simplify(params));
  }

  private static double simplify(Map<String, String[]> params) {
    String v = OgcParams.single(params, "simplify");
    if (v == null) {
      return 0;
    }
    double tolerance;
    try {
      tolerance = Double.parseDouble(v);
    } catch (NumberFormatException e) {
      tolerance = Double.NaN;
    }
    if (!(tolerance >= 0 && tolerance <= MAX_SIMPLIFY)) {
      throw ApiException.badRequest("simplify must be a tolerance in degrees between 0 and " + MAX_SIMPLIFY
          + " (e.g. 0.005 for about 500 m), not '" + v + "'");
    }
    return tolerance;
  }

  private static String slug(Map<String, String[]> params, String name) {
    String v = OgcParams.single(params, name);
    if (v != null && !SLUG.matcher(v).matches()) {
      throw ApiException.badRequest(name + " must be an identifier such as 'tacheng' (letters, digits, - and _)");
    }
    return v;
  }
}
