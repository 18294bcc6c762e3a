package org.planmap.ogcapi;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.planmap.web.ApiException;

/** Checks of query parameters shared by the OGC API endpoints. */
final class OgcParams {
  private OgcParams() {}

  static void requireOnly(Map<String, String[]> params, Set<String> allowed) {
    Set<String> unknown = new TreeSet<>(params.keySet());
    unknown.removeAll(allowed);
    if (!unknown.isEmpty()) {
      throw ApiException.badRequest("unknown parameter(s) " + unknown + "; allowed here: " + new TreeSet<>(allowed));
    }
  }

  static void requireJsonFormat(Map<String, String[]> params) {
    String f = single(params, "f");
    if (f != null && !Set.of("json", "geojson").contains(f)) {
      throw ApiException.badRequest("f='" + f + "' is not offered; use f=json");
    }
  }

  static String single(Map<String, String[]> params, String name) {
    String[] v = params.get(name);
    if (v == null || v.length == 0) {
      return null;
    }
    if (v.length > 1) {
      throw ApiException.badRequest("parameter '" + name + "' is given more than once");
    }
    return v[0];
  }

  static long nonNegative(Map<String, String[]> params, String name, long fallback) {
    String v = single(params, name);
    if (v == null) {
      return fallback;
    }
    try {
      long n = Long.parseLong(v.trim());
      if (n < 0) {
        throw ApiException.badRequest(name + " must not be negative");
      }
      return n;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(name + " '" + v + "' is not a whole number");
    }
  }
}
