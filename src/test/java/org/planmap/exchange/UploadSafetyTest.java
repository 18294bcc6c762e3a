package org.planmap.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planmap.web.ApiException;
import org.springframework.http.HttpStatus;

/** Zip limits (entries, expanded size, ratio) and DBF encoding detection, without a server. */
class UploadSafetyTest {
  private static ExchangeProperties limits(long expanded, int ratio, int entries) {
    return new ExchangeProperties("", 1_000_000, expanded, ratio, entries, 10, 5, 1, 60);
  }

  @Test
  void zipLimitsOnEntriesExpandedSizeAndRatio(@TempDir Path dir) throws Exception {
    Map<String, byte[]> many = new LinkedHashMap<>();
    for (int i = 0; i < 5; i++) {
      many.put("f" + i + ".geojson", "{}".getBytes());
    }
    Path zip = dir.resolve("many.zip");
    Files.write(zip, Zips.entries(many));
    Files.createDirectories(dir.resolve("a"));
    assertThatThrownBy(() -> new UploadUnpacker(limits(1 << 30, 1000, 3)).unpack(zip, "many.zip", dir.resolve("a")))
        .isInstanceOf(ApiException.class).hasMessageContaining("more than 3 files");

    Path big = dir.resolve("big.zip");
    byte[] random = new byte[3 * 1024 * 1024];
    new java.util.Random(1).nextBytes(random);
    Files.write(big, Zips.entries(Map.of("big.geojson", random)));
    Files.createDirectories(dir.resolve("b"));
    assertThatThrownBy(() -> new UploadUnpacker(limits(2 * 1024 * 1024, 1000, 10)).unpack(big, "big.zip",
        dir.resolve("b"))).isInstanceOf(ApiException.class)
        .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE))
        .hasMessageContaining("expands to more than");

    Path bomb = dir.resolve("bomb.zip");
    Files.write(bomb, Zips.entries(Map.of("bomb.geojson", new byte[4 * 1024 * 1024])));
    Files.createDirectories(dir.resolve("c"));
    assertThatThrownBy(() -> new UploadUnpacker(limits(1 << 30, 50, 10)).unpack(bomb, "bomb.zip", dir.resolve("c")))
        .hasMessageContaining("zip bomb");
    assertThat(new UploadUnpacker(limits(1 << 30, 5000, 10)).unpack(bomb, "bomb.zip", dir.resolve("c"))).hasSize(1);
  }

  @Test
  void gbkWithoutCpgIsFoundFromTheCodePageElseGuessedElseTheUsersChoice(@TempDir Path dir) throws Exception {
    Path src = dir.resolve("src.geojson");
    Files.writeString(src, ImportContract.PARCELS, StandardCharsets.UTF_8);
    Gdal.run("ogr2ogr", "-f", "ESRI Shapefile", "-lco", "ENCODING=CP936", dir.resolve("p.shp").toString(),
        src.toString());
    Path dbf = dir.resolve("p.dbf");
    Files.delete(dir.resolve("p.cpg"));
    setCodePage(dbf, 0x4D);
    assertThat(DbfEncoding.detect(dbf, null, null).note()).contains("DBF code page");
    setCodePage(dbf, 0);
    DbfEncoding guessed = DbfEncoding.detect(dbf, null, null);
    assertThat(guessed.javaName()).isEqualTo("cp936");
    assertThat(guessed.note()).contains("guessed");
    assertThat(DbfEncoding.detect(dbf, null, "UTF-8").note()).contains("your choice");
    ShapefileSource s = new ShapefileSource(dir.resolve("p.shp"), null);
    StringBuilder names = new StringBuilder();
    s.read(f -> names.append(f.properties().values()));
    assertThat(names.toString()).contains("库尔勒上库一类工业用地A-01");
    assertThat(DbfEncoding.fromCpg("936")).isEqualTo("cp936");
    assertThat(DbfEncoding.fromCpg("UTF-8")).isEqualTo("UTF-8");
    assertThat(DbfEncoding.fromCpg("ANSI 1252")).isEqualTo("cp1252");
  }

  /** Sets the DBF language driver byte, as ArcGIS writes it (0x4D for GBK); GDAL writes 0 and a .cpg. */
  @Test
  void fieldTableIsReadAsUtf8OrAsGbkAsExcelSavesItAndOtherBytesAreRefused(@TempDir Path dir) throws Exception {
    String table = "\uFEFFfield,source,label_zh,type,width\r\nland_use,\"land_use_class\",\"用地性质\",text,20\r\n";
    Path utf8 = dir.resolve("parcels_fields.csv");
    Files.writeString(utf8, table, StandardCharsets.UTF_8);
    assertThat(FieldTable.read(utf8)).containsEntry("land_use", "land_use_class");
    Path gbk = dir.resolve("gbk_fields.csv");
    Files.writeString(gbk, table.substring(1), java.nio.charset.Charset.forName("GBK"));
    assertThat(FieldTable.read(gbk)).containsEntry("land_use", "land_use_class");
    Path neither = dir.resolve("bad_fields.csv");
    Files.write(neither, new byte[] {'f', 'i', 'e', 'l', 'd', ',', (byte) 0x80, (byte) 0xFF, (byte) 0xFE});
    assertThatThrownBy(() -> FieldTable.read(neither)).isInstanceOf(ApiException.class)
        .hasMessageContaining("neither UTF-8 nor GBK");
  }

  @Test
  void aZipThatCannotBeReadIsRefusedInPlainWords(@TempDir Path dir) throws Exception {
    byte[] good = Zips.entries(Map.of("a.geojson", "{}".getBytes()));
    UploadUnpacker unpacker = new UploadUnpacker(limits(1 << 30, 1000, 10));
    for (int cut : new int[] {0, 4, 30, good.length / 2, good.length - 10}) {
      Path zip = dir.resolve("cut" + cut + ".zip");
      Files.write(zip, java.util.Arrays.copyOf(good, cut));
      Path out = Files.createDirectories(dir.resolve("out" + cut));
      assertThatThrownBy(() -> unpacker.unpack(zip, "cut.zip", out)).isInstanceOf(ApiException.class)
          .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(HttpStatus.BAD_REQUEST))
          .hasMessageMatching("(?s).*(zip|damaged).*");
    }
  }

  private static void setCodePage(Path dbf, int ldid) throws Exception {
    try (RandomAccessFile f = new RandomAccessFile(dbf.toFile(), "rw")) {
      f.seek(29);
      f.write(ldid);
    }
  }
}
