package org.planmap.exchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A corpus of broken uploads, each with the status and the words its refusal must carry. */
final class ImportCorpus {
  record Case(String name, String fileName, byte[] content, int status, String words) {
    @Override
    public String toString() {
      return name;
    }
  }

  private ImportCorpus() {}

  static List<Case> all() throws Exception {
    Path dir = Files.createTempDirectory("planmap-corpus");
    Path src = dir.resolve("src.geojson");
    Files.writeString(src, ImportContract.PARCELS, StandardCharsets.UTF_8);
    Gdal.run("ogr2ogr", "-f", "ESRI Shapefile", "-lco", "ENCODING=CP936", "-a_srs", "EPSG:4326",
        dir.resolve("parcels.shp").toString(), src.toString());
    List<Case> out = new ArrayList<>();
    out.add(new Case("missing .shx", "parcels.zip", Zips.of(dir, "parcels", ".shx"), 400, "no .shx"));
    out.add(new Case("missing .dbf", "parcels.zip", Zips.of(dir, "parcels", ".dbf"), 400, "no .dbf"));
    byte[] shp = Files.readAllBytes(dir.resolve("parcels.shp"));
    out.add(new Case("truncated .shp", "parcels.zip", zipWith(dir, "parcels.shp", Arrays.copyOf(shp, shp.length - 40)),
        400, "cut short"));
    out.add(new Case("wrong .prj", "parcels.zip", zipWith(dir, "parcels.prj",
        new ExchangeCrs(4538).prj().getBytes(StandardCharsets.US_ASCII)), 400, "outside China"));
    out.add(new Case("unknown .cpg", "parcels.zip", zipWith(dir, "parcels.cpg", "KLINGON".getBytes()), 400, ".cpg"));
    byte[] zip = Zips.of(dir, "parcels");
    out.add(new Case("truncated zip", "parcels.zip", Arrays.copyOf(zip, zip.length / 2), 400, "zip"));
    out.add(new Case("zip slip", "evil.zip", Zips.entries(Map.of("../../evil.geojson",
        ImportContract.PARCELS.getBytes(StandardCharsets.UTF_8))), 400, "outside its folder"));
    out.add(new Case("zip bomb", "bomb.zip", Zips.entries(Map.of("bomb.geojson", new byte[30 * 1024 * 1024])), 400,
        "zip bomb"));
    out.add(new Case("unknown file in zip", "tools.zip", Zips.entries(Map.of("setup.exe", new byte[] {'M', 'Z'})), 400,
        "setup.exe"));
    out.add(new Case("index without shapefile", "x.zip", Zips.entries(Map.of("x.shx", new byte[100])), 400,
        "no .shp"));
    out.add(new Case("GeoPackage that is not one", "layer.gpkg", "{\"type\":\"FeatureCollection\"}".getBytes(), 400,
        "not a GeoPackage"));
    out.add(new Case("truncated GeoJSON", "cut.geojson", ImportContract.PARCELS.substring(0, 200)
        .getBytes(StandardCharsets.UTF_8), 400, "not valid JSON"));
    out.add(new Case("JSON that is not GeoJSON", "x.geojson", "{\"a\":1}".getBytes(), 400, "FeatureCollection"));
    out.add(new Case("broken KML", "x.kml", "<kml><Placemark><Point><coordinates>86,41".getBytes(), 400, "KML"));
    out.add(new Case("a lone .shp", "parcels.shp", shp, 400, "one .zip"));
    out.add(new Case("a word document", "plan.docx", new byte[] {1, 2, 3}, 400, "not a file Planmap imports"));
    out.add(new Case("empty upload", "empty.zip", new byte[0], 400, "empty"));
    out.add(new Case("empty zip", "empty.zip", Zips.entries(new LinkedHashMap<>()), 400, "no shapefile"));
    return out;
  }

  private static byte[] zipWith(Path dir, String replaced, byte[] content) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (var files = Files.list(dir)) {
      for (Path p : files.sorted().toList()) {
        String n = p.getFileName().toString();
        if (n.startsWith("parcels.")) {
          entries.put(n, n.equals(replaced) ? content : Files.readAllBytes(p));
        }
      }
    }
    return Zips.entries(entries);
  }
}
