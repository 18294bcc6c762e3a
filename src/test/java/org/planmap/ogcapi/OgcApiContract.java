package org.planmap.ogcapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance;
import org.locationtech.jts.geom.Geometry;
import org.planmap.geo.Geometries;
import org.planmap.plan.PlanCollections;
import org.planmap.support.ApiTest;
import org.planmap.support.Http;
import tools.jackson.databind.JsonNode;

/** OGC API - Features behaviour, the same on both stores (subclasses choose the store). */
abstract class OgcApiContract extends ApiTest {
  @Test
  void landingPageLinksWhatClientsWalk() {
    JsonNode landing = http.get("/ogcapi").json();
    List<String> rels = new ArrayList<>();
    landing.path("links").forEach(l -> rels.add(l.path("rel").asString()));
    assertThat(rels).contains("self", "service-desc", "conformance", "data");
    assertThat(http.get("/ogcapi/conformance").json().path("conformsTo").toString())
        .contains("ogcapi-features-1/1.0/conf/core", "conf/geojson", "conf/oas30");
  }

  @Test
  void apiDefinitionIsOpenApi30() {
    Http.Response api = http.get("/ogcapi/api", "*/*");
    assertThat(api.status()).isEqualTo(200);
    assertThat(api.contentType()).startsWith("application/vnd.oai.openapi+json;version=3.0");
    assertThat(api.json().path("openapi").asString()).startsWith("3.0");
    assertThat(api.json().path("paths").has("/collections/{collectionId}/items")).isTrue();
  }

  @Test
  void everyCollectionIsListedWithCrs84Extent() {
    JsonNode collections = http.get("/ogcapi/collections").json().path("collections");
    List<String> ids = new ArrayList<>();
    collections.forEach(c -> {
      ids.add(c.path("id").asString());
      JsonNode bbox = c.path("extent").path("spatial").path("bbox");
      assertThat(bbox.isArray() && bbox.get(0).isArray() && bbox.get(0).size() == 4).isTrue();
    });
    assertThat(ids).containsExactlyElementsOf(PlanCollections.all().stream().map(c -> c.id()).toList());
  }

  @Test
  void itemsPageWithDefaultLimitCountAndNextLink() {
    Http.Response r = http.get("/ogcapi/collections/territories/items", "application/geo+json");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("application/geo+json");
    JsonNode page = r.json();
    assertThat(page.path("numberReturned").asInt()).isEqualTo(10);
    assertThat(page.path("features").size()).isEqualTo(10);
    assertThat(page.path("numberMatched").asLong()).isGreaterThan(10);
    JsonNode next = null;
    for (JsonNode l : page.path("links")) {
      if (l.path("rel").asString().equals("next")) {
        next = l;
      }
    }
    assertThat(next).isNotNull();
    assertThat(next.path("type").asString()).isEqualTo("application/geo+json");
    JsonNode second = http.get(next.path("href").asString(), "application/geo+json").json();
    assertThat(second.path("features").get(0).path("id").asString())
        .isNotEqualTo(page.path("features").get(0).path("id").asString());
  }

  @Test
  void limitAboveMaximumIsClamped() {
    JsonNode page = http.get("/ogcapi/collections/territories/items?limit=999999").json();
    assertThat(page.path("numberReturned").asLong()).isEqualTo(page.path("numberMatched").asLong());
  }

  @Test
  void featuresCarryTheirSourceAndAccuracy() {
    JsonNode f = http.get("/ogcapi/collections/territories/items/654027").json();
    JsonNode p = f.path("properties");
    assertThat(p.path("name").asString()).isEqualTo("特克斯县");
    assertThat(p.path("plan").asString()).isEqualTo("tekes");
    assertThat(p.path("position_accuracy").asString()).isEqualTo("boundary-data");
    for (String field : List.of("name", "plan", "kind", "source_doc", "source_line", "position_accuracy")) {
      assertThat(p.has(field)).as(field).isTrue();
    }
  }

  @Test
  void planAndBboxFilters() {
    JsonNode tacheng = http.get("/ogcapi/collections/territories/items?plan=tacheng&limit=100").json();
    tacheng.path("features").forEach(f -> assertThat(f.path("properties").path("plan").asString()).isEqualTo("tacheng"));
    assertThat(tacheng.path("numberMatched").asLong()).isGreaterThanOrEqualTo(7);
    // A box around Korla's seat finds Korla and not Tacheng's counties.
    JsonNode box = http.get("/ogcapi/collections/territories/items?bbox=86.1,41.7,86.2,41.8&limit=100").json();
    List<String> names = new ArrayList<>();
    box.path("features").forEach(f -> names.add(f.path("properties").path("name").asString()));
    assertThat(names).contains("库尔勒市").doesNotContain("塔城市");
  }

  @Test
  void simplifyShrinksOutlinesWithinTheTolerance() {
    String path = "/ogcapi/collections/territories/items?plan=tacheng&limit=100";
    JsonNode full = http.get(path).json();
    JsonNode simple = http.get(path + "&simplify=0.005").json();
    assertThat(simple.path("numberReturned").asLong()).isEqualTo(full.path("numberReturned").asLong());
    int fullPoints = 0;
    int simplePoints = 0;
    for (int i = 0; i < full.path("features").size(); i++) {
      JsonNode a = full.path("features").get(i);
      JsonNode b = simple.path("features").get(i);
      assertThat(b.path("id").asString()).isEqualTo(a.path("id").asString());
      assertThat(b.path("properties").path("name").asString()).isEqualTo(a.path("properties").path("name").asString());
      if (a.path("geometry").isNull()) {
        continue;
      }
      Geometry ga = Geometries.fromGeoJson(a.path("geometry").toString());
      Geometry gb = Geometries.fromGeoJson(b.path("geometry").toString());
      fullPoints += ga.getNumPoints();
      simplePoints += gb.getNumPoints();
      // Meant for drawing: PostGIS may leave a hole just outside its shell, so validity is not promised.
      assertThat(gb.getGeometryType()).isEqualTo(ga.getGeometryType());
      assertThat(DiscreteHausdorffDistance.distance(ga, gb)).as(b.path("id").asString()).isLessThan(0.006);
      if (ga.getDimension() == 2) {
        assertThat(Math.abs(gb.getArea() - ga.getArea())).isLessThan(0.02 * ga.getArea());
      }
    }
    assertThat(simplePoints).isLessThan(fullPoints / 2);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "/ogcapi/collections/territories/items?bbox=1,2,3|400|bbox needs 4",
      "/ogcapi/collections/territories/items?bbox=a,b,c,d|400|not a number",
      "/ogcapi/collections/territories/items?bbox=10,50,5,60|400|larger than its maximum",
      "/ogcapi/collections/territories/items?bbox=0,0,200,10|400|longitude",
      "/ogcapi/collections/territories/items?limit=-1|400|negative",
      "/ogcapi/collections/territories/items?limit=ten|400|whole number",
      "/ogcapi/collections/territories/items?limit=0|400|at least 1",
      "/ogcapi/collections/territories/items?colour=red|400|unknown parameter",
      "/ogcapi/collections/territories/items?plan=x';DROP TABLE plan;--|400|identifier",
      "/ogcapi/collections/territories/items?f=xml|400|f=json",
      "/ogcapi/collections/territories/items?simplify=big|400|tolerance in degrees",
      "/ogcapi/collections/territories/items?simplify=-0.01|400|between 0 and 0.1",
      "/ogcapi/collections/territories/items?simplify=5|400|between 0 and 0.1",
      "/ogcapi/collections?foo=1|400|unknown parameter",
      "/ogcapi/collections/rivers|404|no collection",
      "/ogcapi/collections/rivers/items|404|no collection",
      "/ogcapi/collections/territories/items/nope|404|no feature"})
  void badRequestsGetProblemJson(String path, int status, String words) {
    Http.Response r = http.get(path.replace("'", "%27").replace(";", "%3B").replace(" ", "%20"));
    assertThat(r.status()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().path("detail").asString()).contains(words);
    assertThat(r.body()).doesNotContain("Exception", "SELECT");
  }

  @Test
  void gdalReadsEveryCollectionWithTheCountsWeReport() throws Exception {
    Process gdal = new ProcessBuilder("ogrinfo", "-ro", "-al", "-so", "OAPIF:http://127.0.0.1:" + port + "/ogcapi")
        .redirectErrorStream(true).start();
    String out = new String(gdal.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(gdal.waitFor()).as(out).isZero();
    Map<String, Long> counts = new LinkedHashMap<>();
    Matcher m = Pattern
        .compile("Layer name: (\\S+)[\\s\\S]*?Feature Count: (\\d+)").matcher(out);
    while (m.find()) {
      counts.put(m.group(1), Long.parseLong(m.group(2)));
    }
    assertThat(counts.keySet()).containsExactlyElementsOf(PlanCollections.all().stream().map(c -> c.id()).toList());
    counts.forEach((id, n) -> assertThat(n).as(id).isEqualTo(
        http.get("/ogcapi/collections/" + id + "/items?limit=1").json().path("numberMatched").asLong()));
  }

  @Test
  void eachPlanTerritoryContainsItsSeat() {
    JsonNode plans = http.get("/api/plans").json();
    assertThat(plans.size()).isEqualTo(5);
    for (JsonNode plan : plans) {
      for (JsonNode adcode : plan.path("plan").path("territoryAdcodes")) {
        JsonNode f = http.get("/ogcapi/collections/territories/items/" + adcode.asString()).json();
        Geometry outline =
            Geometries.fromGeoJson(f.path("geometry").toString());
        JsonNode seat = f.path("properties").path("seat");
        assertThat(outline.contains(Geometries.FACTORY.createPoint(
            new Coordinate(seat.get(0).asDouble(), seat.get(1).asDouble()))))
            .as(f.path("properties").path("name").asString()).isTrue();
        assertThat(f.path("properties").path("plan").asString()).isEqualTo(plan.path("plan").path("id").asString());
      }
    }
  }

  @Test
  void healthReportsTheDatabase() {
    JsonNode health = http.get("/actuator/health").json();
    assertThat(health.path("status").asString()).isEqualTo("UP");
    assertThat(health.path("components").path("db").path("status").asString()).isEqualTo("UP");
  }
}
