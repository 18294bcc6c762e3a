package org.planmap.generate;

import java.util.List;
import java.util.Random;

/**
 * Land-use classes of the 2023 用地用海分类 that park parcels carry, with their share of generated parcels and
 * the ranges of the indicators a park layout states for them (容积率, 建筑密度, 绿地率, 限高).
 */
record LandUse(String code, String name, double weight, double[] far, double[] density, double[] green,
    double heightLimit) {

  static final List<LandUse> ALL = List.of(
      new LandUse("100101", "一类工业用地", 10, r(1.0, 2.0), r(0.35, 0.55), r(0.10, 0.20), 24),
      new LandUse("100102", "二类工业用地", 14, r(0.8, 1.6), r(0.35, 0.55), r(0.10, 0.20), 24),
      new LandUse("100103", "三类工业用地", 4, r(0.6, 1.2), r(0.30, 0.50), r(0.15, 0.20), 24),
      new LandUse("0701", "城镇住宅用地", 18, r(1.2, 2.8), r(0.20, 0.30), r(0.30, 0.40), 54),
      new LandUse("0901", "商业用地", 9, r(1.5, 4.0), r(0.30, 0.50), r(0.20, 0.30), 80),
      new LandUse("08", "公共管理与公共服务用地", 6, r(0.8, 2.0), r(0.25, 0.35), r(0.30, 0.40), 36),
      new LandUse("1101", "物流仓储用地", 8, r(0.6, 1.5), r(0.40, 0.60), r(0.10, 0.15), 24),
      new LandUse("1102", "储备库用地", 2, r(0.5, 1.0), r(0.30, 0.50), r(0.10, 0.20), 24),
      new LandUse("12", "交通运输用地", 5, r(0.1, 0.5), r(0.05, 0.20), r(0.10, 0.20), 15),
      new LandUse("13", "公用设施用地", 4, r(0.3, 0.8), r(0.20, 0.40), r(0.20, 0.30), 24),
      new LandUse("1401", "公园绿地", 7, r(0.0, 0.05), r(0.00, 0.03), r(0.70, 0.90), 9),
      new LandUse("1402", "防护绿地", 6, r(0.0, 0.02), r(0.00, 0.02), r(0.80, 0.95), 9),
      new LandUse("16", "留白用地", 7, null, null, null, 0));

  private static final double TOTAL = ALL.stream().mapToDouble(LandUse::weight).sum();

  /** A class drawn by its share. */
  static LandUse pick(Random random) {
    double x = random.nextDouble() * TOTAL;
    for (LandUse u : ALL) {
      x -= u.weight;
      if (x < 0) {
        return u;
      }
    }
    return ALL.get(ALL.size() - 1);
  }

  /** A value in a range, rounded to two decimals; null when the class states none (留白用地). */
  static Double draw(double[] range, Random random) {
    if (range == null) {
      return null;
    }
    return Math.round((range[0] + random.nextDouble() * (range[1] - range[0])) * 100) / 100.0;
  }

  private static double[] r(double min, double max) {
    return new double[] {min, max};
  }
}
