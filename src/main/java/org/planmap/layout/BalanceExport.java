package org.planmap.layout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The balance table as CSV (UTF-8 with BOM, so Excel shows the Chinese) and as XLSX (Apache POI). */
final class BalanceExport {
  private static final List<String> HEADER = List.of("层级", "用地代码", "用地名称", "面积（公顷）", "面积（亩）",
      "占建设用地比例（%）", "地块数");

  private BalanceExport() {}

  static byte[] csv(BalanceTable t) {
    StringBuilder sb = new StringBuilder("\uFEFF");
    sb.append(String.join(",", HEADER)).append("\r\n");
    for (BalanceTable.Row r : t.rows()) {
      sb.append(r.level()).append(',').append(quote(r.code())).append(',').append(quote(r.name())).append(',')
          .append(fmt(r.hectares())).append(',').append(fmt(r.mu())).append(',')
          .append(r.shareOfConstruction() == null ? "" : fmt(r.shareOfConstruction())).append(',')
          .append(r.parcels()).append("\r\n");
    }
    total(sb, "建设用地合计", t.constructionArea());
    total(sb, "地块合计", t.parcelArea());
    total(sb, "未划分", t.unassignedArea());
    total(sb, "园区总面积", t.parkArea());
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  static byte[] xlsx(BalanceTable t) {
    try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = wb.createSheet("用地平衡表");
      Row title = sheet.createRow(0);
      title.createCell(0).setCellValue(t.parkName() + " 用地平衡表");
      Row head = sheet.createRow(1);
      for (int i = 0; i < HEADER.size(); i++) {
        head.createCell(i).setCellValue(HEADER.get(i));
      }
      int n = 2;
      for (BalanceTable.Row r : t.rows()) {
        Row x = sheet.createRow(n++);
        x.createCell(0).setCellValue(r.level());
        x.createCell(1).setCellValue(r.code());
        x.createCell(2).setCellValue(r.name());
        x.createCell(3).setCellValue(round(r.hectares()));
        x.createCell(4).setCellValue(round(r.mu()));
        if (r.shareOfConstruction() != null) {
          x.createCell(5).setCellValue(round(r.shareOfConstruction()));
        }
        x.createCell(6).setCellValue(r.parcels());
      }
      for (Object[] total : new Object[][] {{"建设用地合计", t.constructionArea()}, {"地块合计", t.parcelArea()},
          {"未划分", t.unassignedArea()}, {"园区总面积", t.parkArea()}}) {
        Row x = sheet.createRow(n++);
        x.createCell(2).setCellValue((String) total[0]);
        x.createCell(3).setCellValue(round(((org.planmap.geo.GeodesicArea.Areas) total[1]).hectares()));
        x.createCell(4).setCellValue(round(((org.planmap.geo.GeodesicArea.Areas) total[1]).mu()));
      }
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void total(StringBuilder sb, String label, org.planmap.geo.GeodesicArea.Areas a) {
    sb.append(",,").append(label).append(',').append(fmt(a.hectares())).append(',').append(fmt(a.mu())).append(",,\r\n");
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }

  private static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }

  private static String quote(String s) {
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }
}
