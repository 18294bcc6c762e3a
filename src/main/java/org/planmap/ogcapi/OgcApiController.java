package org.planmap.ogcapi;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.planmap.config.PlanmapProperties;
import org.planmap.plan.CollectionSpec;
import org.planmap.plan.PlanCollections;
import org.planmap.web.ApiException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** OGC API - Features Part 1 (read) at {@code /ogcapi}: what GDAL, QGIS and ArcGIS walk. */
@RestController
@RequestMapping("/ogcapi")
public class OgcApiController {
  private static final Set<String> ONLY_F = Set.of("f");
  private final OgcDocuments documents;
  private final ItemsService items;
  private final PlanmapProperties properties;

  public OgcApiController(OgcDocuments documents, ItemsService items, PlanmapProperties properties) {
    this.documents = documents;
    this.items = items;
    this.properties = properties;
  }

  @GetMapping({"", "/"})
  public ResponseEntity<Map<String, Object>> landing(HttpServletRequest request) {
    checkDocumentParams(request);
    return json(documents.landing(base()));
  }

  @GetMapping("/conformance")
  public ResponseEntity<Map<String, Object>> conformance(HttpServletRequest request) {
    checkDocumentParams(request);
    return json(documents.conformance());
  }

  @GetMapping("/api")
  public ResponseEntity<Map<String, Object>> api(HttpServletRequest request) {
    checkDocumentParams(request);
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(OgcDocuments.OPENAPI))
        .body(OpenApiDocument.build(base(), properties.ogcapi()));
  }

  @GetMapping("/collections")
  public ResponseEntity<Map<String, Object>> collections(HttpServletRequest request) {
    checkDocumentParams(request);
    return json(documents.collections(base()));
  }

  @GetMapping("/collections/{collectionId}")
  public ResponseEntity<Map<String, Object>> collection(@PathVariable String collectionId, HttpServletRequest request) {
    checkDocumentParams(request);
    return json(documents.collection(base(), spec(collectionId)));
  }

  @GetMapping("/collections/{collectionId}/items")
  public void items(@PathVariable String collectionId, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    ItemsQuery q = ItemsQuery.parse(spec(collectionId), request.getParameterMap(), properties.ogcapi());
    response.setContentType(OgcDocuments.GEOJSON);
    response.setCharacterEncoding("UTF-8");
    items.writePage(q, ServletUriComponentsBuilder.fromCurrentRequest(), response.getOutputStream());
  }

  @GetMapping("/collections/{collectionId}/items/{featureId}")
  public void item(@PathVariable String collectionId, @PathVariable String featureId, HttpServletRequest request,
      HttpServletResponse response) throws IOException {
    checkDocumentParams(request);
    CollectionSpec c = spec(collectionId);
    byte[] feature = items.one(c, featureId).orElseThrow(() -> ApiException.notFound(
        "collection '" + collectionId + "' has no feature '" + featureId + "'"));
    response.setContentType(OgcDocuments.GEOJSON);
    response.getOutputStream().write(feature);
  }

  private static CollectionSpec spec(String id) {
    return PlanCollections.byId(id).orElseThrow(() -> ApiException.notFound(
        "there is no collection '" + id + "'; see /ogcapi/collections for the list"));
  }

  private static void checkDocumentParams(HttpServletRequest request) {
    OgcParams.requireOnly(request.getParameterMap(), ONLY_F);
    OgcParams.requireJsonFormat(request.getParameterMap());
  }

  private static String base() {
    return ServletUriComponentsBuilder.fromCurrentContextPath().path("/ogcapi").build().toUriString();
  }

  private static ResponseEntity<Map<String, Object>> json(Map<String, Object> body) {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
  }
}
