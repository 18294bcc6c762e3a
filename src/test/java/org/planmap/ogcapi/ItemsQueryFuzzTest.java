package org.planmap.ogcapi;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.planmap.config.PlanmapProperties;
import org.planmap.plan.PlanCollections;
import org.planmap.web.Fuzzing;

/**
 * The query string of {@code /ogcapi/collections/{c}/items}, decoded as the servlet container does, through
 * {@link ItemsQuery#parse} (bbox, limit, offset, plan, kind, f, bbox-crs): a query or a 4xx refusal.
 */
class ItemsQueryFuzzTest {
  private static final PlanmapProperties.OgcApi PAGING = new PlanmapProperties.OgcApi(10, 10000);

  @FuzzTest
  void parse(byte[] input) throws Exception {
    Map<String, String[]> params = params(new String(input, StandardCharsets.UTF_8));
    if (params == null) {
      return; // Tomcat answers a malformed %-escape with 400 before Planmap sees it
    }
    Fuzzing.refusedOrAccepted(() -> ItemsQuery.parse(PlanCollections.PARCELS, params, PAGING));
  }

  /** Like {@code ServletRequest.getParameterMap()}; null when the container would refuse the query. */
  static Map<String, String[]> params(String query) {
    Map<String, String[]> out = new LinkedHashMap<>();
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name;
      String value;
      try {
        name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return null;
      }
      out.merge(name, new String[] {value}, (a, b) -> {
        String[] c = java.util.Arrays.copyOf(a, a.length + 1);
        c[a.length] = b[0];
        return c;
      });
    }
    return out;
  }
}
