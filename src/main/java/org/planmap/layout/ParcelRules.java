package org.planmap.layout;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.planmap.edit.EditRules;
import org.planmap.edit.EditStore;
import org.planmap.geo.GeodesicArea;
import org.planmap.plan.CollectionSpec;
import org.planmap.plan.PlanCollections;
import org.planmap.web.ApiException;
import org.springframework.stereotype.Component;

/**
 * A parcel lies inside its park (within a small tolerance), overlaps no other parcel of the park (same tolerance),
 * is at least the minimum size, and has a land-use class of the 2023 code list and plausible indicators.
 * It is given the park's plan, its geodesic area and the class name.
 */
@Component
public class ParcelRules implements EditRules {
  private static final double METRES_PER_DEGREE = 111_320;
  private final EditStore store;
  private final LandUseClasses landUse;
  private final LayoutSettings settings;

  public ParcelRules(EditStore store, LandUseClasses landUse, LayoutSettings settings) {
    this.store = store;
    this.landUse = landUse;
    this.settings = settings;
  }

  @Override
  public boolean appliesTo(CollectionSpec collection) {
    return collection == PlanCollections.PARCELS;
  }

  @Override
  public void check(CollectionSpec collection, String id, Geometry parcel, Map<String, Object> p) {
    String parkId = text(p.get("park_id"));
    EditStore.Current park = store.current(PlanCollections.PARKS, parkId == null ? "" : parkId)
        .orElseThrow(() -> ApiException.unprocessable("not_a_park", "park_id '" + parkId + "' is not a park", null));
    if (park.geometry() == null || park.geometry().getDimension() < 2) {
      throw ApiException.unprocessable("park_without_outline", "park '" + parkId + "' has no outline yet: draw its outline first", null);
    }
    double tolerance = settings.toleranceMetres() / METRES_PER_DEGREE;
    Geometry outside = parcel.difference(park.geometry().buffer(tolerance));
    if (!outside.isEmpty()) {
      throw ApiException.unprocessable("outside_park", "the parcel reaches outside its park", at(outside));
    }
    for (EditStore.Current other : store.parcelsNear(parkId, parcel.getEnvelopeInternal(), id)) {
      Geometry overlap = parcel.intersection(other.geometry()).buffer(-tolerance);
      if (!overlap.isEmpty()) {
        throw ApiException.unprocessable("overlap", "the parcel overlaps parcel " + other.id(), at(overlap))
            .with("conflictsWith", other.id());
      }
    }
    double m2 = GeodesicArea.squareMetres(parcel);
    if (m2 < settings.minParcelM2()) {
      throw ApiException.unprocessable("too_small", String.format("the parcel has %.1f m²; the smallest accepted is %.0f m²", m2,
          settings.minParcelM2()), at(parcel));
    }
    LandUseClasses.LandUse use = landUse.find(text(p.get("land_use_code"))).orElseThrow(() ->
        ApiException.unprocessable("bad_land_use", "land_use_code '" + p.get("land_use_code")
            + "' is not in the 2023 用地用海分类 (e.g. 100101 一类工业用地)", null).with("field", "land_use_code"));
    p.put("land_use_code", use.code());
    p.put("land_use_name", use.name());
    range(p, "far", 0, 20);
    range(p, "building_density", 0, 100);
    range(p, "green_ratio", 0, 100);
    range(p, "height_limit", 0, 1000);
    p.put("area_m2", m2);
    p.put("plan", park.planId());
  }

  private static void range(Map<String, Object> p, String field, double min, double max) {
    Object v = p.get(field);
    if (v == null || (v instanceof String s && s.isBlank())) {
      p.remove(field);
      return;
    }
    double d;
    try {
      d = v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString().trim());
    } catch (NumberFormatException e) {
      throw ApiException.unprocessable("not_a_number", field + " '" + v + "' is not a number", null).with("field", field);
    }
    if (!Double.isFinite(d) || d < min || d > max) {
      throw ApiException.unprocessable("out_of_range", field + " must be between " + min + " and " + max, null).with("field", field);
    }
    p.put(field, d);
  }

  private static String text(Object v) {
    return v == null ? null : v.toString().trim();
  }

  private static double[] at(Geometry g) {
    Point p = g.getInteriorPoint();
    return new double[] {p.getX(), p.getY()};
  }
}
