package org.planmap.ogcapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.planmap.geo.BBox;
import org.planmap.plan.CollectionSpec;
import org.planmap.plan.PlanCollections;
import org.springframework.stereotype.Component;

/** The JSON documents of OGC API - Features Part 1: landing page, conformance, collections. */
@Component
public class OgcDocuments {
  static final String GEOJSON = "application/geo+json";
  static final String JSON = "application/json";
  static final String OPENAPI = "application/vnd.oai.openapi+json;version=3.0";
  static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
  private static final double[] WORLD = {-180, -90, 180, 90};
  private final FeatureStore store;

  public OgcDocuments(FeatureStore store) {
    this.store = store;
  }

  public Map<String, Object> landing(String base) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("title", "Planmap");
    doc.put("description", "新疆区域发展规划的园区、廊道、旅游线路、景区与项目 — OGC API - Features");
    doc.put("links", List.of(
        link(base, "self", JSON, "this document"),
        link(base + "/api", "service-desc", OPENAPI, "the API definition"),
        link(base + "/conformance", "conformance", JSON, "conformance classes"),
        link(base + "/collections", "data", JSON, "the feature collections")));
    return doc;
  }

  public Map<String, Object> conformance() {
    return Map.of("conformsTo", List.of(
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30"));
  }

  public Map<String, Object> collections(String base) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (CollectionSpec c : PlanCollections.all()) {
      list.add(collection(base, c));
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("links", List.of(link(base + "/collections", "self", JSON, "the feature collections")));
    doc.put("collections", list);
    return doc;
  }

  public Map<String, Object> collection(String base, CollectionSpec c) {
    String self = base + "/collections/" + c.id();
    BBox extent = store.extent(c, null);
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("id", c.id());
    doc.put("title", c.titleZh() + " " + c.titleEn());
    doc.put("description", c.titleEn() + " of the plans; filter with plan=<tekes|tashkurgan|tacheng|changji|korla>");
    doc.put("itemType", "feature");
    doc.put("crs", List.of(CRS84));
    doc.put("storageCrs", CRS84);
    doc.put("extent", Map.of("spatial", Map.of(
        "bbox", List.of(extent == null ? WORLD : extent.toArray()), "crs", CRS84)));
    doc.put("links", List.of(
        link(self, "self", JSON, "this collection"),
        link(self + "/items", "items", GEOJSON, c.titleEn() + " as GeoJSON")));
    return doc;
  }

  static Map<String, String> link(String href, String rel, String type, String title) {
    Map<String, String> l = new LinkedHashMap<>();
    l.put("href", href);
    l.put("rel", rel);
    l.put("type", type);
    l.put("title", title);
    return l;
  }
}
