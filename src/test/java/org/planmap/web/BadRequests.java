package org.planmap.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.planmap.exchange.HostileFiles;
import org.planmap.support.Http;
import tools.jackson.databind.JsonNode;

/** Builds the requests of the bad-input corpus: bodies from files or made at run time, and fresh fixtures. */
final class BadRequests {
  private static final String[] ADMIN = Http.basic("admin", "test-admin-password");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");
  private final Http http;

  BadRequests(Http http) {
    this.http = http;
  }

  /**
   * A request body; {@code method} and {@code path} are set when a generated case replaces the request (e.g. the
   * commit of an upload it made first).
   */
  record Body(byte[] bytes, String contentType, String method, String path) {
    static Body of(byte[] bytes, String contentType) {
      return new Body(bytes, contentType, null, null);
    }
  }

  /** Gives the Korla test park an outline (it is a point in the shipped data), so parcel rules get past it. */
  void parkOutline() {
    Http.Response park = http.sendBytes("GET", "/ogcapi/collections/parks/items/korla-parks-shangku", null, ADMIN);
    JsonNode p = check(park, 200);
    if (!p.path("geometry").path("type").asString().equals("Polygon")) {
      String outline = "{\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[86.095,41.795],[86.105,41.795],"
          + "[86.105,41.805],[86.095,41.805],[86.095,41.795]]]}}";
      check(http.sendBytes("PUT", "/api/edit/parks/korla-parks-shangku", outline.getBytes(StandardCharsets.UTF_8),
          concatHeaders("Content-Type", "application/json", "If-Match",
              "\"" + p.path("properties").path("version").asInt() + "\"")), 200);
    }
  }

  String resolve(String path) {
    Matcher m = PLACEHOLDER.matcher(path);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, switch (m.group(1)) {
        case "project" -> created();
        case "upload" -> uploaded(valid(), "projects");
        default -> throw new IllegalStateException("unknown placeholder " + m.group());
      });
    }
    m.appendTail(out);
    return out.toString();
  }

  Body body(String spec) throws Exception {
    if (spec.equals("-")) {
      return Body.of(null, null);
    }
    String[] f = spec.split(":", 4);
    return switch (f[0]) {
      case "json" -> Body.of(file(f[1]), "application/json");
      case "raw" -> Body.of(file(f[1]), spec.substring(spec.indexOf(':', 4) + 1));
      case "upload" -> upload(f.length > 3 ? f[3] : f[1], file(f[1]),
          f.length > 2 ? BadInputContract.decode(f[2]) : "parcels");
      case "gen" -> generated(f[1]);
      default -> throw new IllegalStateException("unknown body " + spec);
    };
  }

  private Body generated(String name) throws Exception {
    return switch (name) {
      case "million-vertex-edit" -> Body.of(("{\"geometry\":" + circle(1_000_000)
          + ",\"properties\":{\"plan\":\"korla\",\"name\":\"百万顶点\"}}").getBytes(StandardCharsets.UTF_8),
          "application/json");
      case "million-vertex-upload" -> {
        byte[] file = ("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
            + "{\"name\":\"百万顶点\"},\"geometry\":" + circle(1_000_000) + "}]}").getBytes(StandardCharsets.UTF_8);
        String id = uploaded(file, "parks");
        yield new Body("{\"plan\":\"korla\"}".getBytes(StandardCharsets.UTF_8), "application/json", "POST",
            "/api/exchange/imports/" + id + "/commit");
      }
      case "invalid-utf8-json" -> Body.of(concat("{\"geometry\":null,\"properties\":{\"plan\":\"korla\",\"name\":\"",
          new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF}, "\"}}"), "application/json");
      case "over-import-limit" -> upload("big.geojson", padded(41 * 1024 * 1024 + 1), "parcels");
      case "over-multipart-limit" -> upload("bigger.geojson", padded(50 * 1024 * 1024), "parcels");
      case "control-file-name" -> upload("a\u0000b\u0007.geojson", file("nan.geojson"), "parcels");
      case "no-file-field" -> Body.of(Http.multipart(null, null, "collection", "parcels"),
          "multipart/form-data; boundary=" + Http.BOUNDARY);
      default -> {
        Map.Entry<String, byte[]> f = HostileFiles.make(name);
        yield upload(f.getKey(), f.getValue(), "parcels");
      }
    };
  }

  private static Body upload(String fileName, byte[] content, String collection) {
    return Body.of(collection.isEmpty() ? Http.multipart(fileName, content)
        : Http.multipart(fileName, content, "collection", collection),
        "multipart/form-data; boundary=" + Http.BOUNDARY);
  }

  /** A valid polygon ring of n vertices around a point in Korla, as GeoJSON. */
  static String circle(int n) {
    StringBuilder sb = new StringBuilder(n * 26).append("{\"type\":\"Polygon\",\"coordinates\":[[");
    for (int i = 0; i <= n; i++) {
      double a = 2 * Math.PI * (i % n) / n;
      sb.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "[%.7f,%.7f]", 86.1 + 0.05 * Math.cos(a),
          41.7 + 0.05 * Math.sin(a)));
    }
    return sb.append("]]}").toString();
  }

  /** A GeoJSON file of the given size (valid JSON, padded with spaces). */
  private static byte[] padded(int size) {
    byte[] head = "{\"type\":\"FeatureCollection\",\"features\":[]".getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[size];
    java.util.Arrays.fill(out, (byte) ' ');
    System.arraycopy(head, 0, out, 0, head.length);
    out[size - 1] = '}';
    return out;
  }

  private String created() {
    Http.Response r = http.sendBytes("POST", "/api/edit/projects", file("edit-ok.json"),
        concatHeaders("Content-Type", "application/json"));
    return check(r, 201).path("id").asString();
  }

  private static byte[] valid() {
    return ("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"name\":\"a\"},"
        + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[86.16,41.74]}}]}").getBytes(StandardCharsets.UTF_8);
  }

  private String uploaded(byte[] geojson, String collection) {
    Http.Response r = http.sendBytes("POST", "/api/exchange/imports", Http.multipart("x.geojson", geojson,
        "collection", collection), concatHeaders("Content-Type", "multipart/form-data; boundary=" + Http.BOUNDARY));
    return check(r, 200).path("id").asString();
  }

  private static JsonNode check(Http.Response r, int status) {
    if (r.status() != status) {
      throw new IllegalStateException("fixture call answered " + r.status() + ": " + r.body());
    }
    return r.json();
  }

  private static String[] concatHeaders(String... more) {
    String[] out = java.util.Arrays.copyOf(ADMIN, ADMIN.length + more.length);
    System.arraycopy(more, 0, out, ADMIN.length, more.length);
    return out;
  }

  private static byte[] concat(String a, byte[] b, String c) {
    byte[] x = a.getBytes(StandardCharsets.UTF_8);
    byte[] z = c.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[x.length + b.length + z.length];
    System.arraycopy(x, 0, out, 0, x.length);
    System.arraycopy(b, 0, out, x.length, b.length);
    System.arraycopy(z, 0, out, x.length + b.length, z.length);
    return out;
  }

  private static byte[] file(String name) {
    return BadInputContract.resource("badinput/" + name).getBytes(StandardCharsets.UTF_8);
  }
}
