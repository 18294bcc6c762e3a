package org.planmap.ogcapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.planmap.config.PlanmapProperties;
import org.planmap.plan.PlanCollections;

/** The OpenAPI 3.0 definition of Planmap's OGC API - Features, made from the collection whitelist. */
final class OpenApiDocument {
  private OpenApiDocument() {}

  static Map<String, Object> build(String base, PlanmapProperties.OgcApi paging) {
    Map<String, Object> paths = new LinkedHashMap<>();
    paths.put("/", get("landing page", "landing", List.of(), JSON_OK));
    paths.put("/conformance", get("conformance classes", "conformance", List.of(), JSON_OK));
    paths.put("/api", get("this API definition", "api", List.of(), JSON_OK));
    paths.put("/collections", get("the feature collections", "collections", List.of(), JSON_OK));
    paths.put("/collections/{collectionId}", get("one collection", "collection",
        List.of(collectionId()), JSON_OK));
    paths.put("/collections/{collectionId}/items", get("features of a collection", "items", List.of(
        collectionId(),
        query("limit", "integer", "features per page (default " + paging.defaultLimit() + ", larger values are clamped to "
            + paging.maxLimit() + ")"),
        query("offset", "integer", "features to skip"),
        query("bbox", "string", "minLon,minLat,maxLon,maxLat in CRS84"),
        query("plan", "string", "only features of this plan"),
        query("kind", "string", "only features of this kind"),
        query("simplify", "number", "simplify lines and outlines to this tolerance in degrees (0 to "
            + ItemsQuery.MAX_SIMPLIFY + "; e.g. 0.005, about 500 m, for an overview map)")), GEOJSON_OK));
    paths.put("/collections/{collectionId}/items/{featureId}", get("one feature", "item", List.of(
        collectionId(), Map.of("name", "featureId", "in", "path", "required", true, "schema", Map.of("type", "string"))),
        GEOJSON_OK));
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("openapi", "3.0.3");
    doc.put("info", Map.of("title", "Planmap OGC API - Features", "version", "1.0.0",
        "description", "Plans of Xinjiang counties and prefectures as features"));
    doc.put("servers", List.of(Map.of("url", base)));
    doc.put("paths", paths);
    return doc;
  }

  private static final Map<String, Object> JSON_OK = response(OgcDocuments.JSON);
  private static final Map<String, Object> GEOJSON_OK = response(OgcDocuments.GEOJSON);

  private static Map<String, Object> response(String type) {
    return Map.of(
        "200", Map.of("description", "success", "content", Map.of(type, Map.of("schema", Map.of("type", "object")))),
        "400", Map.of("description", "bad request (problem JSON)"),
        "404", Map.of("description", "not found (problem JSON)"));
  }

  private static Map<String, Object> get(String summary, String operationId, List<Object> parameters,
      Map<String, Object> responses) {
    return Map.of("get", Map.of("summary", summary, "operationId", operationId, "parameters", parameters,
        "responses", responses));
  }

  private static Map<String, Object> collectionId() {
    return Map.of("name", "collectionId", "in", "path", "required", true,
        "schema", Map.of("type", "string", "enum", PlanCollections.all().stream().map(c -> c.id()).toList()));
  }

  private static Map<String, Object> query(String name, String type, String description) {
    return Map.of("name", name, "in", "query", "required", false, "description", description,
        "schema", Map.of("type", type));
  }
}
