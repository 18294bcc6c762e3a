package org.planmap.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.planmap.support.ApiTest;
import org.planmap.support.Http;
import tools.jackson.databind.JsonNode;

/** /api/plans: plan records with extents, indicator tables and the data report. */
abstract class PlanApiContract extends ApiTest {
  @Test
  void plansHaveTheirTerritoryExtent() {
    JsonNode plans = http.get("/api/plans").json();
    assertThat(plans.size()).isEqualTo(5);
    for (JsonNode p : plans) {
      assertThat(p.path("plan").path("title").asString()).isNotBlank();
      assertThat(p.path("plan").path("sourceDoc").asString()).endsWith(".txt");
      JsonNode bbox = p.path("bbox");
      assertThat(bbox.size()).isEqualTo(4);
      assertThat(bbox.get(0).asDouble()).isBetween(73.0, 96.0);
      assertThat(bbox.get(1).asDouble()).isBetween(34.0, 50.0);
    }
  }

  @Test
  void indicatorTablesCiteTheirLines() {
    JsonNode indicators = http.get("/api/plans/tashkurgan/indicators").json().path("indicators");
    assertThat(indicators.size()).isGreaterThan(10);
    indicators.forEach(i -> assertThat(i.path("sourceLine").asInt()).isPositive());
  }

  @Test
  void reportCountsEqualTheOgcApiCounts() {
    JsonNode report = http.get("/api/plans/korla/report").json();
    for (String collection : new String[] {"parks", "projects", "corridors", "structure"}) {
      long matched = http.get("/ogcapi/collections/" + collection + "/items?plan=korla&limit=1").json()
          .path("numberMatched").asLong();
      assertThat(report.path("collections").path(collection).path("total").asLong()).as(collection).isEqualTo(matched);
    }
    int unlocated = 0;
    for (JsonNode c : report.path("collections")) {
      unlocated += c.path("byAccuracy").path("unlocated").asInt(0);
    }
    assertThat(report.path("unlocated").size()).isEqualTo(unlocated);
    assertThat(report.path("notes").size()).isPositive();
  }

  @Test
  void unknownPlanIsProblemJson() {
    Http.Response r = http.get("/api/plans/atlantis/report");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().path("detail").asString()).contains("no plan 'atlantis'");
  }
}
