package org.planmap.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.h2.value.Value;
import org.h2gis.functions.io.dbf.internal.DBFDriver;
import org.h2gis.functions.io.dbf.internal.DbaseFileHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast DBF reader gives exactly the values the H2GIS driver gives, for every field type ogr2ogr writes, but for
 * dates, which it reads where the driver gives null.
 */
class DbfRecordsTest {
  private static final String FEATURES = """
      {"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"名称":"库尔勒上库 A-01","code":"100101","n":12,"big":12345678901,"far":1.25,
        "neg":-0.000125,"ok":true,"day":"2024-01-05","pad":"  padded  "},"geometry":{"type":"Point","coordinates":[86,41]}},
      {"type":"Feature","properties":{"名称":"孔雀河畔·物流","code":null,"n":-7,"big":null,"far":null,"neg":3,"ok":false,
        "day":null,"pad":""},"geometry":{"type":"Point","coordinates":[86.1,41.1]}},
      {"type":"Feature","properties":{"名称":null,"code":"  ","n":null,"big":0,"far":1e10,"neg":null,"ok":null,
        "day":"1999-12-31","pad":"x"},"geometry":{"type":"Point","coordinates":[86.2,41.2]}}]}""";

  @Test
  void valuesAreThoseOfTheH2gisDriverInGbkAndUtf8(@TempDir Path dir) throws Exception {
    Path src = dir.resolve("src.geojson");
    Files.writeString(src, FEATURES, StandardCharsets.UTF_8);
    for (String[] enc : new String[][] {{"CP936", "cp936"}, {"UTF-8", "UTF-8"}}) {
      Path shp = dir.resolve("p" + enc[1] + ".shp");
      Gdal.run("ogr2ogr", "-f", "ESRI Shapefile", "-lco", "ENCODING=" + enc[0], shp.toString(), src.toString());
      Path dbf = dir.resolve("p" + enc[1] + ".dbf");
      List<Map<String, Object>> expected = new ArrayList<>();
      List<String> names = new ArrayList<>();
      DBFDriver driver = new DBFDriver();
      driver.initDriverFromFile(dbf.toFile(), enc[1]);
      DbaseFileHeader h = driver.getDbaseFileHeader();
      for (int i = 0; i < h.getNumFields(); i++) {
        names.add(h.getFieldName(i).trim());
      }
      for (long row = 0; row < driver.getRowCount(); row++) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int col = 0; col < driver.getFieldCount(); col++) {
          m.put(names.get(col), ShapefileSource.toJava((Value) driver.getField(row, col)));
        }
        expected.add(m);
      }
      List<Map<String, Object>> actual = new ArrayList<>();
      try (DbfRecords records = DbfRecords.open(dbf, h, enc[1])) {
        assertThat(records).as("ogr2ogr writes only types the fast reader knows").isNotNull();
        for (long row = 0; row < driver.getRowCount(); row++) {
          Map<String, Object> m = new LinkedHashMap<>();
          records.next(names, m);
          actual.add(m);
        }
      }
      driver.close();
      assertThat(actual.get(0).get("day")).as("dates, which the H2GIS driver reads as null").isEqualTo("2024-01-05");
      assertThat(actual.get(2).get("day")).isEqualTo("1999-12-31");
      actual.forEach(m -> m.remove("day"));
      expected.forEach(m -> m.remove("day"));
      assertThat(actual).as(enc[0]).isEqualTo(expected);
      assertThat(actual.get(0).get("名称")).isEqualTo("库尔勒上库 A-01");
      assertThat(actual.get(0).get("pad")).isEqualTo("padded");
      assertThat(actual.get(0).get("big")).isEqualTo(12345678901L);
      assertThat(actual.get(0).get("far")).isEqualTo(1.25);
    }
  }
}
