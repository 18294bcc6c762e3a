package org.planmap.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.planmap.geo.Geometries;
import org.planmap.plan.PlanCollections;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

/** Vector tiles, the same on both stores (subclasses choose the store): decoded and compared with the rows. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class TileApiContract {
  static final String SOURCE = "test:tiles";
  /** A z14 tile in Tekes county, where no shipped parcel lies. */
  static final TileCoord T = TileCoord.containing(82.5, 43.0, 14);

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired TileCache cache;
  @Autowired TilesProperties config;
  @Autowired ApplicationEventPublisher events;
  TileClient client;

  @BeforeEach
  void setUp() {
    client = new TileClient(port);
    jdbc.update("DELETE FROM parcel WHERE source_file = ?", SOURCE);
    cache.clear();
    Envelope t = T.lonLat(0);
    double w = t.getWidth();
    double h = t.getHeight();
    double bufferW = w * config.margin();
    parcel("p-inside", frac(t, 0.29, 0.29, 0.31, 0.31), "1001", 1.2);
    parcel("p-edge", frac(t, 0.95, 0.4, 1.05, 0.6), "0701", 2.5);
    parcel("p-buffer", new Envelope(t.getMinX() - 0.8 * bufferW, t.getMinX() - 0.2 * bufferW,
        t.getMinY() + 0.2 * h, t.getMinY() + 0.3 * h), "1101", 0.8);
    parcel("p-outside", new Envelope(t.getMaxX() + w, t.getMaxX() + 1.2 * w, t.getMinY(), t.getMinY() + 0.2 * h),
        "09", 3.0);
  }

  @AfterEach
  void cleanUp() {
    jdbc.update("DELETE FROM parcel WHERE source_file = ?", SOURCE);
    cache.clear();
  }

  @Test
  void tileDecodesToTheSourceRowsClippedToTheBufferedTile() {
    HttpResponse<byte[]> r = client.get(path("parcels", T));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/vnd.mapbox-vector-tile");
    List<Geometry> features = TileClient.decode(r.body(), "parcels", T, config.extent());

    Map<String, Geometry> byId = new HashMap<>();
    features.forEach(f -> byId.put((String) tags(f).get("id"), f));
    assertThat(byId.keySet()).containsExactlyInAnyOrder("p-inside", "p-edge", "p-buffer");
    assertThat(byId.keySet()).isEqualTo(rowsMeeting("parcel", T.lonLat(config.margin())));

    Envelope clip = T.mercator(config.margin());
    double unit = T.mercator().getWidth() / config.extent();
    for (Map.Entry<String, Geometry> e : byId.entrySet()) {
      Map<String, Object> row = jdbc.queryForMap(
          "SELECT name, plan_id, land_use_code, far, ST_AsBinary(geom) AS wkb FROM parcel WHERE id = ?", e.getKey());
      Map<String, Object> tags = tags(e.getValue());
      assertThat(tags).containsEntry("name", row.get("name")).containsEntry("plan", row.get("plan_id"))
          .containsEntry("kind", "parcel").containsEntry("land_use_code", row.get("land_use_code"));
      assertThat(((Number) tags.get("far")).doubleValue()).isEqualTo(((Number) row.get("far")).doubleValue());
      Geometry expected = WebMercator.project(Geometries.fromWkb((byte[]) row.get("wkb")))
          .intersection(new GeometryFactory().toGeometry(clip));
      assertThat(DiscreteHausdorffDistance.distance(expected, e.getValue())).isLessThan(2 * unit);
    }
  }

  @Test
  void shippedParkIsInItsTileWithItsAttributes() {
    Map<String, Object> park = jdbc.queryForMap("SELECT id, name, plan_id, ST_AsBinary(geom) AS wkb FROM park"
        + " WHERE geom IS NOT NULL AND ST_Area(geom) > 0.0001 ORDER BY id LIMIT 1");
    Geometry g = Geometries.fromWkb((byte[]) park.get("wkb"));
    TileCoord t = TileCoord.containing(g.getInteriorPoint().getX(), g.getInteriorPoint().getY(), 11);
    HttpResponse<byte[]> r = client.get(path("parks", t));
    assertThat(r.statusCode()).isEqualTo(200);
    List<Geometry> features = TileClient.decode(r.body(), "parks", t, config.extent());
    Set<String> ids = features.stream().map(f -> (String) tags(f).get("id")).collect(Collectors.toSet());
    assertThat(ids).contains((String) park.get("id"));
    assertThat(rowsMeeting("park", t.lonLat(config.margin()))).containsAll(ids);
    Geometry decoded = features.stream().filter(f -> park.get("id").equals(tags(f).get("id"))).findFirst().get();
    assertThat(tags(decoded)).containsEntry("name", park.get("name")).containsEntry("plan", park.get("plan_id"));
  }

  @ParameterizedTest
  @CsvSource({"transport_nodes, transport_node", "corridors, corridor", "route_stops, route_stop"})
  void pointsAndLinesComeBackWhereTheRowsAre(String collection, String table) {
    Map<String, Object> row = jdbc.queryForMap("SELECT id, name, ST_AsBinary(geom) AS wkb FROM " + table
        + " WHERE geom IS NOT NULL ORDER BY id LIMIT 1");
    Geometry source = Geometries.fromWkb((byte[]) row.get("wkb"));
    TileCoord t = TileCoord.containing(source.getInteriorPoint().getX(), source.getInteriorPoint().getY(), 12);
    HttpResponse<byte[]> r = client.get(path(collection, t));
    assertThat(r.statusCode()).isEqualTo(200);
    List<Geometry> features = TileClient.decode(r.body(), collection, t, config.extent());
    Geometry decoded = features.stream().filter(f -> row.get("id").equals(tags(f).get("id"))).findFirst().orElseThrow();
    assertThat(tags(decoded)).containsEntry("name", row.get("name"));
    Geometry expected = WebMercator.project(source)
        .intersection(new GeometryFactory().toGeometry(t.mercator(config.margin())));
    double unit = t.mercator().getWidth() / config.extent();
    assertThat(DiscreteHausdorffDistance.distance(expected, decoded)).isLessThan(2 * unit);
  }

  @Test
  void strongEtagAnswers304AndCacheControlIsSet() {
    HttpResponse<byte[]> first = client.get(path("parcels", T));
    String etag = first.headers().firstValue("ETag").orElseThrow();
    assertThat(etag).startsWith("\"").doesNotStartWith("W/");
    assertThat(first.headers().firstValue("Cache-Control").orElseThrow())
        .contains("max-age=" + config.maxAgeSeconds()).contains("public");

    HttpResponse<byte[]> again = client.get(path("parcels", T), "If-None-Match", etag);
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    assertThat(again.headers().firstValue("ETag")).hasValue(etag);
    assertThat(client.get(path("parcels", T), "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
    assertThat(client.get(path("parcels", T)).headers().firstValue("ETag")).hasValue(etag);
  }

  @Test
  void emptyTileIs204WithCacheControl() {
    HttpResponse<byte[]> r = client.get("/tiles/parcels/3/0/0.pbf");
    assertThat(r.statusCode()).isEqualTo(204);
    assertThat(r.body()).isEmpty();
    assertThat(r.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=");
  }

  @ParameterizedTest
  @CsvSource({
      "/tiles/parcels/23/0/0.pbf, 400", "/tiles/parcels/2/4/0.pbf, 400", "/tiles/parcels/2/0/-1.pbf, 400",
      "/tiles/parcels/a/0/0.pbf, 400", "/tiles/parcels/99999999999/0/0.pbf, 400", "/tiles/nope/0/0/0.pbf, 404",
      "/tiles/parcel/0/0/0.pbf, 404"})
  void badTilesAreProblemJson(String path, int status) {
    HttpResponse<byte[]> r = client.get(path);
    assertThat(r.statusCode()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    assertThat(new String(r.body())).contains("\"detail\"").doesNotContain("Exception", "SELECT");
  }

  @Test
  void editEvictsExactlyTheTilesItTouchesAndTheTileShowsTheEdit() {
    Envelope t = T.lonLat(0);
    Envelope before = frac(t, 0.29, 0.29, 0.31, 0.31);
    Envelope after = frac(t, 0.60, 0.60, 0.62, 0.62);
    TileCoord parent = new TileCoord(13, T.x() / 2, T.y() / 2);
    TileCoord east = new TileCoord(14, T.x() + 1, T.y());
    TileCoord childBefore = TileCoord.containing(before.centre().x, before.centre().y, 16);
    TileCoord childOther = TileCoord.containing(t.getMinX() + 0.9 * t.getWidth(), t.getMinY() + 0.1 * t.getHeight(), 16);
    List<TileCoord> cached = List.of(T, parent, east, childBefore, childOther);
    String oldEtag = client.get(path("parcels", T)).headers().firstValue("ETag").orElseThrow();
    cached.forEach(c -> client.get(path("parcels", c)));
    client.get(path("parks", T));
    assertThat(cache.size()).isEqualTo(cached.size() + 1);

    jdbc.update("UPDATE parcel SET geom = ST_GeomFromText(?, 4326) WHERE id = ?", wkt(after), "p-inside");
    events.publishEvent(new FeatureChanged(PlanCollections.PARCELS, "p-inside", before, after));

    assertThat(cache.contains(PlanCollections.PARCELS, T)).isFalse();
    assertThat(cache.contains(PlanCollections.PARCELS, parent)).isFalse();
    assertThat(cache.contains(PlanCollections.PARCELS, childBefore)).isFalse();
    assertThat(cache.contains(PlanCollections.PARCELS, east)).isTrue();
    assertThat(cache.contains(PlanCollections.PARCELS, childOther)).isTrue();
    assertThat(cache.contains(PlanCollections.PARKS, T)).isTrue();

    HttpResponse<byte[]> fresh = client.get(path("parcels", T));
    assertThat(fresh.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(oldEtag);
    Geometry moved = TileClient.decode(fresh.body(), "parcels", T, config.extent()).stream()
        .filter(f -> "p-inside".equals(tags(f).get("id"))).findFirst().orElseThrow();
    Envelope movedLonLat = WebMercator.toLonLat(moved.getEnvelopeInternal());
    assertThat(movedLonLat.centre().distance(after.centre())).isLessThan(after.getWidth() / 4);
  }

  Set<String> rowsMeeting(String table, Envelope e) {
    return new TreeSet<>(jdbc.queryForList("SELECT id FROM " + table
        + " WHERE ST_Intersects(geom, ST_MakeEnvelope(?, ?, ?, ?, 4326))", String.class,
        e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()));
  }

  void parcel(String id, Envelope e, String landUse, double far) {
    jdbc.update("INSERT INTO parcel (id, plan_id, name, kind, position_accuracy, source_file, land_use_code, far,"
        + " geom) VALUES (?, 'tekes', ?, 'parcel', 'drawn', ?, ?, ?, ST_GeomFromText(?, 4326))",
        id, "地块 " + id, SOURCE, landUse, far, wkt(e));
  }

  static Envelope frac(Envelope t, double x0, double y0, double x1, double y1) {
    return new Envelope(t.getMinX() + x0 * t.getWidth(), t.getMinX() + x1 * t.getWidth(),
        t.getMinY() + y0 * t.getHeight(), t.getMinY() + y1 * t.getHeight());
  }

  static String wkt(Envelope e) {
    return new GeometryFactory().toGeometry(e).toText();
  }

  static String path(String collection, TileCoord t) {
    return "/tiles/" + collection + "/" + t.z() + "/" + t.x() + "/" + t.y() + ".pbf";
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> tags(Geometry g) {
    return (Map<String, Object>) g.getUserData();
  }
}
