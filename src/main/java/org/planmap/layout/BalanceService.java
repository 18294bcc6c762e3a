package org.planmap.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.planmap.edit.EditStore;
import org.planmap.geo.GeodesicArea;
import org.planmap.plan.PlanCollections;
import org.planmap.web.ApiException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Computes a park's land-use balance table from its parcels' stored geodesic areas. */
@Service
public class BalanceService {
  private final EditStore store;
  private final LandUseClasses classes;
  private final JdbcTemplate jdbc;

  public BalanceService(EditStore store, LandUseClasses classes, JdbcTemplate jdbc) {
    this.store = store;
    this.classes = classes;
    this.jdbc = jdbc;
  }

  public BalanceTable balance(String parkId) {
    EditStore.Current park = store.current(PlanCollections.PARKS, parkId)
        .orElseThrow(() -> ApiException.notFound("there is no park '" + parkId + "'"));
    String name = jdbc.queryForObject("SELECT name FROM park WHERE id = ?", String.class, parkId);
    Map<String, double[]> byCode = new TreeMap<>();
    for (EditStore.ParcelArea p : store.parcelAreas(parkId)) {
      double[] sum = byCode.computeIfAbsent(p.landUseCode(), k -> new double[2]);
      sum[0] += p.areaM2();
      sum[1]++;
    }
    double construction = 0;
    double total = 0;
    for (Map.Entry<String, double[]> e : byCode.entrySet()) {
      total += e.getValue()[0];
      if (classes.find(e.getKey()).map(LandUseClasses.LandUse::construction).orElse(false)) {
        construction += e.getValue()[0];
      }
    }
    List<BalanceTable.Row> rows = rows(byCode, construction);
    double parkM2 = park.geometry() == null ? 0 : GeodesicArea.squareMetres(park.geometry());
    return new BalanceTable(parkId, name, GeodesicArea.Areas.of(parkM2), GeodesicArea.Areas.of(total),
        GeodesicArea.Areas.of(construction), GeodesicArea.Areas.of(Math.max(0, parkM2 - total)), rows);
  }

  private List<BalanceTable.Row> rows(Map<String, double[]> byCode, double construction) {
    Map<String, List<String>> byTop = new TreeMap<>();
    byCode.keySet().forEach(code -> byTop.computeIfAbsent(code.substring(0, 2), k -> new ArrayList<>()).add(code));
    List<BalanceTable.Row> rows = new ArrayList<>();
    for (Map.Entry<String, List<String>> top : byTop.entrySet()) {
      double m2 = top.getValue().stream().mapToDouble(c -> byCode.get(c)[0]).sum();
      int n = top.getValue().stream().mapToInt(c -> (int) byCode.get(c)[1]).sum();
      rows.add(row(1, top.getKey(), m2, n, construction));
      for (String code : top.getValue()) {
        if (!code.equals(top.getKey())) {
          rows.add(row(2, code, byCode.get(code)[0], (int) byCode.get(code)[1], construction));
        }
      }
    }
    return rows;
  }

  private BalanceTable.Row row(int level, String code, double m2, int parcels, double construction) {
    LandUseClasses.LandUse use = classes.find(code)
        .orElse(new LandUseClasses.LandUse(code, "（未知类）", false, LandUseClasses.UNKNOWN_COLOR));
    Double share = use.construction() && construction > 0 ? 100 * m2 / construction : null;
    return new BalanceTable.Row(level, code, use.name(), m2 / GeodesicArea.M2_PER_HECTARE, m2 / GeodesicArea.M2_PER_MU,
        share, parcels);
  }
}
