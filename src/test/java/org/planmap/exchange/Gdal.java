package org.planmap.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** GDAL's command-line tools (Debian gdal-bin), run as an independent reader and writer of our files. */
final class Gdal {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Gdal() {}

  static String run(String... args) {
    try {
      Process p = new ProcessBuilder(args).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor()).as(String.join(" ", args) + "\n" + out).isZero();
      return out;
    } catch (IOException e) {
      throw new IllegalStateException(args[0] + " is needed (apt-get install gdal-bin)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Reads a layer through ogr2ogr as GeoJSON (attributes decoded to UTF-8 by GDAL, coordinates unchanged). */
  static JsonNode read(Path file, String... layer) {
    List<String> cmd = new ArrayList<>(List.of("ogr2ogr", "-f", "GeoJSON", "-lco", "RFC7946=NO",
        "-lco", "COORDINATE_PRECISION=10", "/vsistdout/", file.toString()));
    cmd.addAll(List.of(layer));
    return JSON.readTree(run(cmd.toArray(String[]::new)));
  }

  /** The EPSG code GDAL identifies for a layer, e.g. "EPSG:4538". */
  static String epsg(Path file) {
    String out = run("gdalsrsinfo", "-e", file.toString());
    for (String line : out.split("\n")) {
      if (line.startsWith("EPSG:")) {
        return line.trim();
      }
    }
    return out.trim();
  }

  /** Projects lon/lat (CGCS2000) to an EPSG CRS with PROJ, through gdaltransform. */
  static double[] project(double lon, double lat, int epsg) throws IOException {
    Process p = new ProcessBuilder("gdaltransform", "-s_srs", "EPSG:4490", "-t_srs", "EPSG:" + epsg, "-output_xy")
        .redirectErrorStream(true).start();
    p.getOutputStream().write((lon + " " + lat + "\n").getBytes(StandardCharsets.US_ASCII));
    p.getOutputStream().close();
    String[] xy = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim().split("\\s+");
    return new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])};
  }

  static List<Path> unzip(byte[] zip, Path dir) throws IOException {
    List<Path> out = new ArrayList<>();
    try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        Path p = dir.resolve(e.getName());
        Files.copy(in, p);
        out.add(p);
      }
    }
    return out;
  }
}
