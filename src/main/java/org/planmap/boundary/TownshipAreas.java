package org.planmap.boundary;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.springframework.stereotype.Service;

/** Derives the schematic township areas of a plan from its sub-unit seats and county outlines. */
@Service
public class TownshipAreas {
  private final TerritoryStore store;

  public TownshipAreas(TerritoryStore store) {
    this.store = store;
  }

  /** @return the number of cells drawn */
  public int derive(String planId) {
    Map<String, Point> seats = store.subUnitSeats(planId);
    int drawn = 0;
    for (Map.Entry<String, Geometry> county : store.counties(planId).entrySet()) {
      for (Map.Entry<String, Geometry> cell : TownshipCells.cells(county.getValue(), seats).entrySet()) {
        store.setCell(cell.getKey(), county.getKey(), cell.getValue());
        drawn++;
      }
    }
    return drawn;
  }
}
