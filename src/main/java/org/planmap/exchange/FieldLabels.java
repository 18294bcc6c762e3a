package org.planmap.exchange;

import java.util.Map;

/** Short ASCII field names (at most 10 characters, for DBF) and Chinese labels of Planmap's columns. */
final class FieldLabels {
  private static final Map<String, String[]> KNOWN = Map.ofEntries(
      e("id", "id", "要素编号"), e("plan_id", "plan", "所属规划"), e("name", "name", "名称"),
      e("aliases", "aliases", "别名"), e("kind", "kind", "类型"), e("source_doc", "src_doc", "来源文件"),
      e("source_line", "src_line", "来源行号"), e("source_text", "src_text", "来源原文"),
      e("other_lines", "oth_lines", "其他引用行"), e("position_accuracy", "pos_acc", "位置精度"),
      e("location_text", "loc_text", "位置描述"), e("outside_territory", "outside", "位于辖区外"),
      e("notes", "notes", "备注"), e("version", "version", "版本"),
      e("parent_id", "parent_id", "上级行政区"), e("adcode", "adcode", "行政区划代码"), e("level", "level", "级别"),
      e("area_text", "area_text", "面积原文"), e("area_km2", "area_km2", "面积（平方公里）"),
      e("parent_park", "parent_prk", "上级园区"), e("code", "code", "编号"), e("status", "status", "状态"),
      e("route_id", "route_id", "所属线路"), e("seq", "seq", "站点顺序"), e("grade", "grade", "等级"),
      e("sector", "sector", "行业"), e("investment_yi", "invest_yi", "投资（亿元）"), e("period", "period", "建设期"),
      e("park_id", "park_id", "所属园区"), e("town", "town", "乡镇"), e("structure_name", "struct_nm", "空间结构"),
      e("land_use_code", "lu_code", "用地代码"), e("land_use_name", "lu_name", "用地名称"), e("far", "far", "容积率"),
      e("building_density", "bld_dens", "建筑密度"), e("green_ratio", "green_rat", "绿地率"),
      e("height_limit", "height_lim", "建筑限高（米）"), e("area_m2", "area_m2", "面积（平方米）"));

  private FieldLabels() {}

  private static Map.Entry<String, String[]> e(String column, String shortName, String label) {
    return Map.entry(column, new String[] {shortName, label});
  }

  /** The short name of a known column, or null. */
  static String shortName(String column) {
    String[] v = KNOWN.get(column);
    return v == null ? null : v[0];
  }

  static String label(String column) {
    String[] v = KNOWN.get(column);
    return v == null ? column : v[1];
  }

  /** The column whose Chinese label this is (e.g. 名称 → name), or null. */
  static String columnOfLabel(String label) {
    for (Map.Entry<String, String[]> en : KNOWN.entrySet()) {
      if (en.getValue()[1].equals(label.trim())) {
        return en.getKey();
      }
    }
    return null;
  }

  /** The column a short name stands for (as Planmap, ogr2ogr or ArcGIS cut it), or null. */
  static String columnOf(String shortName) {
    String s = shortName.toLowerCase();
    for (Map.Entry<String, String[]> en : KNOWN.entrySet()) {
      if (en.getValue()[0].equals(s) || en.getKey().equals(s)
          || (en.getKey().length() > 10 && en.getKey().substring(0, 10).equals(s))) {
        return en.getKey();
      }
    }
    return null;
  }
}
