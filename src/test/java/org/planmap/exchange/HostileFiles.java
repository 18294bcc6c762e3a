package org.planmap.exchange;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Hostile and broken upload files for the bad-input corpus ({@code web.BadInputContract}), made at test time with
 * GDAL and SQLite: GeoPackages with hostile table names and broken geometry blobs, shapefiles with garbage parts,
 * zips whose entries point outside their folder, GeoJSON in the wrong encoding, and files too large to keep in Git.
 * The 18 older broken files are {@link #importCorpus()}.
 */
public final class HostileFiles {
  private HostileFiles() {}

  /** The broken uploads of {@link ImportCorpus}: name, file name, content, status, detail words. */
  public static List<Object[]> importCorpus() throws Exception {
    return ImportCorpus.all().stream()
        .map(c -> new Object[] {c.name(), c.fileName(), c.content(), c.status(), c.words()}).toList();
  }

  /** A generated upload by name: its file name and bytes. */
  public static Map.Entry<String, byte[]> make(String name) throws Exception {
    Path dir = Files.createTempDirectory("planmap-hostile");
    return switch (name) {
      case "gbk-geojson" -> Map.entry("库尔勒.geojson", ImportContract.PARCELS.getBytes(Charset.forName("GBK")));
      case "gpkg-hostile-table" -> Map.entry("hostile.gpkg", hostileTable(dir));
      case "gpkg-broken-blob" -> Map.entry("blob.gpkg", brokenBlob(dir));
      case "sqlite-not-gpkg" -> Map.entry("plain.gpkg", plainSqlite(dir));
      case "shp-garbage-prj" -> Map.entry("parcels.zip", gaussKrugerWithPrj(dir,
          "PROJCS[\"'; DROP TABLE parcel; --\",GEOGCS[".getBytes(StandardCharsets.US_ASCII)));
      case "shp-broken-dbf" -> Map.entry("parcels.zip", shapefileWith(dir, ".dbf", garbage(dir, ".dbf", 32)));
      case "shp-garbage-shp" -> Map.entry("parcels.zip", shapefileWith(dir, ".shp", garbage(dir, ".shp", 100)));
      case "zip-absolute" -> Map.entry("abs.zip", Zips.entries(Map.of("/tmp/planmap-evil.geojson",
          ImportContract.PARCELS.getBytes(StandardCharsets.UTF_8))));
      case "zip-backslash" -> Map.entry("back.zip", Zips.entries(Map.of("..\\..\\planmap-evil.geojson",
          ImportContract.PARCELS.getBytes(StandardCharsets.UTF_8))));
      default -> throw new IllegalArgumentException("no hostile file '" + name + "'");
    };
  }

  private static Path gpkg(Path dir, String layer) {
    Path src = dir.resolve("src.geojson");
    try {
      Files.writeString(src, ImportContract.PARCELS, StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    Path out = dir.resolve(layer.hashCode() + ".gpkg");
    Gdal.run("ogr2ogr", "-f", "GPKG", "-nln", layer, out.toString(), src.toString());
    return out;
  }

  /** A layer named like an SQL injection that gpkg_contents lists but that is not there. */
  private static byte[] hostileTable(Path dir) throws Exception {
    String hostile = "parcel\"; DROP TABLE parcel; --";
    Path f = gpkg(dir, hostile);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f); Statement s = c.createStatement()) {
      s.execute("DROP TABLE \"" + hostile.replace("\"", "\"\"") + "\"");
    }
    return Files.readAllBytes(f);
  }

  /** Every geometry blob replaced by a GeoPackage header followed by garbage. */
  private static byte[] brokenBlob(Path dir) throws Exception {
    Path f = gpkg(dir, "parcels");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f); Statement s = c.createStatement()) {
      String col = null;
      try (var rs = s.executeQuery("SELECT column_name FROM gpkg_geometry_columns WHERE table_name = 'parcels'")) {
        col = rs.next() ? rs.getString(1) : "geom";
      }
      // drop GDAL's triggers on the R-tree, which would refuse the broken blob
      for (String t : triggers(s)) {
        s.execute("DROP TRIGGER \"" + t + "\"");
      }
      s.execute("UPDATE parcels SET \"" + col + "\" = X'47500003E6100000DEADBEEFDEADBEEF0102'");
    }
    return Files.readAllBytes(f);
  }

  private static List<String> triggers(Statement s) throws Exception {
    List<String> out = new java.util.ArrayList<>();
    try (var rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'trigger'")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private static byte[] plainSqlite(Path dir) throws Exception {
    Path f = dir.resolve("plain.sqlite");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE parcels (id INTEGER PRIMARY KEY, name TEXT, wkt TEXT)");
      s.execute("INSERT INTO parcels (name, wkt) VALUES ('a', 'POINT(86.1 41.7)')");
    }
    return Files.readAllBytes(f);
  }

  /** The ogr2ogr shapefile of {@link ImportContract#PARCELS}, zipped with one part replaced. */
  private static byte[] shapefileWith(Path dir, String part, byte[] content) throws Exception {
    Path shp = dir.resolve("parcels.shp");
    if (!Files.exists(shp)) {
      writeShapefile(dir);
    }
    Files.write(dir.resolve("parcels" + part), content);
    return Zips.of(dir, "parcels");
  }

  /** The parcels in Gauss-Kruger metres (EPSG:4538) with a garbage .prj instead of theirs. */
  private static byte[] gaussKrugerWithPrj(Path dir, byte[] prj) throws Exception {
    Path src = dir.resolve("src.geojson");
    Files.writeString(src, ImportContract.PARCELS, StandardCharsets.UTF_8);
    Gdal.run("ogr2ogr", "-f", "ESRI Shapefile", "-s_srs", "EPSG:4490", "-t_srs", "EPSG:4538",
        dir.resolve("parcels.shp").toString(), src.toString());
    Files.write(dir.resolve("parcels.prj"), prj);
    return Zips.of(dir, "parcels");
  }

  private static void writeShapefile(Path dir) throws Exception {
    Path src = dir.resolve("src.geojson");
    Files.writeString(src, ImportContract.PARCELS, StandardCharsets.UTF_8);
    Gdal.run("ogr2ogr", "-f", "ESRI Shapefile", "-a_srs", "EPSG:4326", dir.resolve("parcels.shp").toString(),
        src.toString());
  }

  /** The part's real bytes with its header (the first {@code keep} bytes) scrambled. */
  private static byte[] garbage(Path dir, String part, int keep) throws Exception {
    writeShapefile(dir);
    byte[] b = Files.readAllBytes(dir.resolve("parcels" + part));
    byte[] header = Arrays.copyOf(b, Math.min(keep, b.length));
    byte[] out = Arrays.copyOf(header, b.length);
    for (int i = 0; i < header.length; i++) {
      out[i] = (byte) (i % 7 == 0 ? 0xFF : header[i] ^ 0x5A);
    }
    for (int i = header.length; i < out.length; i++) {
      out[i] = b[i];
    }
    return out;
  }
}
