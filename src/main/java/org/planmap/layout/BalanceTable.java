package org.planmap.layout;

import java.util.List;
import org.planmap.geo.GeodesicArea;

/**
 * A park's land-use balance table (用地平衡表): per top-level class a subtotal row followed by its classes, each with
 * area in 公顷 and its share of the construction land; plus the park's total, construction and unassigned areas.
 */
public record BalanceTable(
    String parkId, String parkName, GeodesicArea.Areas parkArea, GeodesicArea.Areas parcelArea,
    GeodesicArea.Areas constructionArea, GeodesicArea.Areas unassignedArea, List<Row> rows) {

  /**
   * @param level 1 for a top-level subtotal, 2 for a class within it
   * @param shareOfConstruction percent of construction land, null for non-construction classes
   */
  public record Row(int level, String code, String name, double hectares, double mu, Double shareOfConstruction,
      int parcels) {}
}
