package org.planmap.plan;

import static org.planmap.plan.Column.integer;
import static org.planmap.plan.Column.number;
import static org.planmap.plan.Column.text;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The whitelist of feature collections. Order is the order of the OGC API collection list. */
public final class PlanCollections {
  public static final CollectionSpec TERRITORIES = new CollectionSpec("territories", "territory",
      "行政区划", "Territories", "Geometry", List.of(text("parent_id"), text("adcode")));
  public static final CollectionSpec PARKS = new CollectionSpec("parks", "park",
      "园区与开发区", "Parks and development zones", "Geometry",
      List.of(text("level"), text("area_text"), number("area_km2"), text("parent_park")));
  public static final CollectionSpec ZONES = new CollectionSpec("zones", "zone",
      "功能分区", "Functional zones", "Geometry", List.of());
  public static final CollectionSpec CORRIDORS = new CollectionSpec("corridors", "corridor",
      "廊道与交通线", "Corridors", "Geometry", List.of(text("code"), text("status")));
  public static final CollectionSpec ROUTES = new CollectionSpec("routes", "route",
      "旅游线路", "Tourism routes", "Geometry", List.of());
  public static final CollectionSpec ROUTE_STOPS = new CollectionSpec("route_stops", "route_stop",
      "旅游线路站点", "Tourism route stops", "Point", List.of(text("route_id"), integer("seq")));
  public static final CollectionSpec SCENIC_SPOTS = new CollectionSpec("scenic_spots", "scenic_spot",
      "景区景点", "Scenic spots", "Geometry", List.of(text("grade")));
  public static final CollectionSpec PROJECTS = new CollectionSpec("projects", "project",
      "重点项目", "Projects", "Geometry",
      List.of(text("sector"), number("investment_yi"), text("period"), text("park_id"), text("town")));
  public static final CollectionSpec PROTECTED_AREAS = new CollectionSpec("protected_areas", "protected_area",
      "保护地", "Protected areas", "Geometry", List.of(text("level")));
  public static final CollectionSpec TRANSPORT_NODES = new CollectionSpec("transport_nodes", "transport_node",
      "口岸与交通枢纽", "Ports and transport nodes", "Point", List.of());
  public static final CollectionSpec STRUCTURE = new CollectionSpec("structure", "structure_element",
      "空间结构", "Spatial structure", "Geometry", List.of(text("structure_name")));
  public static final CollectionSpec PARCELS = new CollectionSpec("parcels", "parcel",
      "园区地块", "Park parcels", "Polygon",
      List.of(text("park_id"), text("land_use_code"), text("land_use_name"), number("far"),
          number("building_density"), number("green_ratio"), number("height_limit"), number("area_m2")));

  private static final Map<String, CollectionSpec> BY_ID = new LinkedHashMap<>();

  static {
    for (CollectionSpec c : List.of(TERRITORIES, PARKS, ZONES, CORRIDORS, ROUTES, ROUTE_STOPS, SCENIC_SPOTS,
        PROJECTS, PROTECTED_AREAS, TRANSPORT_NODES, STRUCTURE, PARCELS)) {
      BY_ID.put(c.id(), c);
    }
  }

  private PlanCollections() {}

  public static List<CollectionSpec> all() {
    return List.copyOf(BY_ID.values());
  }

  public static Optional<CollectionSpec> byId(String id) {
    return Optional.ofNullable(BY_ID.get(id));
  }
}
