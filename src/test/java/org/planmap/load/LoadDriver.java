package org.planmap.load;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A load driver: N clients (a fixed thread pool, one signed-in session each) for a given time, each doing a mix of
 * OGC API item pages (random bbox viewports, 40 %), vector tiles (random z14-16 tiles, 40 %) and edits (20 %): every
 * client draws its own parcels in a park made for the run, in a planner's territory, and changes them with If-Match.
 *
 * <p>{@code java -cp … org.planmap.load.LoadDriver --base=http://127.0.0.1:8080 --admin=admin:PASSWORD
 * --clients=50 --seconds=60} (see {@code bench/load.sh}).
 */
public final class LoadDriver {
  /**
   * The park every run draws in: a 0.06° square in 库尔勒市 (Korla), granted to the run's planner, at least 0.01° inside
   * the county outline all round (the outline is ragged near the city: a square at 86.07° E crossed it).
   */
  public static final double PARK_X = 86.11, PARK_Y = 41.78, PARK_SIZE = 0.06, CELL = 0.001, PARCEL = 0.0006;
  static final String TERRITORY = "652801";
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

  private final String base;
  private final String adminAuth;
  private final int clients;
  private final Duration timeout;
  private final double[] area;
  private final String run = Long.toString(System.currentTimeMillis(), 36);
  private String parkId;

  /**
   * @param admin "user:password" of an admin (makes the run's planner and park)
   * @param area lon/lat box the reads hit, or null for the run's park and 0.05° around it
   */
  public LoadDriver(String base, String admin, int clients, Duration timeout, double[] area) {
    this.base = base.replaceAll("/$", "");
    this.adminAuth = "Basic " + Base64.getEncoder().encodeToString(admin.getBytes(StandardCharsets.UTF_8));
    this.clients = clients;
    this.timeout = timeout;
    this.area = area != null ? area : new double[] {PARK_X - 0.05, PARK_Y - 0.05, PARK_X + PARK_SIZE + 0.05,
        PARK_Y + PARK_SIZE + 0.05};
  }

  /** Makes the run's planner (granted Korla) and park. */
  public LoadDriver setUp() throws IOException, InterruptedException {
    HttpClient c = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpResponse<String> user = c.send(json("/api/admin/users", "POST", "{\"username\":\"" + planner()
        + "\",\"password\":\"" + password() + "\",\"role\":\"PLANNER\",\"grants\":[\"" + TERRITORY + "\"]}")
        .header("Authorization", adminAuth).build(), HttpResponse.BodyHandlers.ofString());
    check(user, "create the load planner");
    HttpResponse<String> park = c.send(json("/api/edit/parks", "POST", "{\"geometry\":" + square(PARK_X, PARK_Y,
        PARK_SIZE) + ",\"properties\":{\"plan\":\"korla\",\"name\":\"负载测试园区 " + run + "\"}}")
        .header("Authorization", adminAuth).build(), HttpResponse.BodyHandlers.ofString());
    check(park, "create the load park");
    Matcher m = ID.matcher(park.body());
    m.find();
    parkId = m.group(1);
    return this;
  }

  private static void check(HttpResponse<String> r, String what) {
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException("could not " + what + ": " + r.statusCode() + " " + r.body());
    }
  }

  String planner() {
    return "load-" + run;
  }

  private String password() {
    return "load-password-" + run;
  }

  /** Runs the clients for {@code seconds}, then waits for their last requests; the stats of every answer. */
  public LoadStats run(double seconds) throws InterruptedException {
    return run(seconds, new LoadStats());
  }

  /** Runs into a given {@link LoadStats}, whose clock a fault test shares. */
  public LoadStats run(double seconds, LoadStats stats) throws InterruptedException {
    long end = stats.now() + (long) (seconds * 1e9);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    for (int i = 0; i < clients; i++) {
      int client = i;
      pool.submit(() -> new Client(client, stats).loop(end));
    }
    pool.shutdown();
    if (!pool.awaitTermination((long) seconds + timeout.toSeconds() + 120, TimeUnit.SECONDS)) {
      pool.shutdownNow();
    }
    return stats;
  }

  private HttpRequest.Builder json(String path, String method, String body) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout).header("Content-Type",
        "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
  }

  public static String square(double x, double y, double size) {
    return String.format(Locale.ROOT, "{\"type\":\"Polygon\",\"coordinates\":[[[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f],"
        + "[%.6f,%.6f],[%.6f,%.6f]]]}", x, y, x + size, y, x + size, y + size, x, y + size, x, y);
  }

  /** One client: a session of the run's planner and the parcels it drew, with the version it last saw of each. */
  private final class Client {
    private final int n;
    private final LoadStats stats;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private final List<String[]> parcels = new ArrayList<>(); // {id, version or null when unknown}
    private int nextCell;
    private boolean signedIn;

    Client(int n, LoadStats stats) {
      this.n = n;
      this.stats = stats;
      this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
          .connectTimeout(timeout).build();
    }

    void loop(long end) {
      ThreadLocalRandom r = ThreadLocalRandom.current();
      while (stats.now() < end) {
        double k = r.nextDouble();
        if (k < 0.4) {
          items(r);
        } else if (k < 0.8) {
          tile(r);
        } else {
          edit(r);
        }
      }
    }

    void items(ThreadLocalRandom r) {
      double w = 0.03, h = 0.015; // a 1024 x 768 px viewport at z15
      double x = area[0] + r.nextDouble() * Math.max(0, area[2] - area[0] - w);
      double y = area[1] + r.nextDouble() * Math.max(0, area[3] - area[1] - h);
      send("items", get(String.format(Locale.ROOT, "/ogcapi/collections/parcels/items?limit=100&bbox=%.5f,%.5f,%.5f,%.5f",
          x, y, x + w, y + h)), 200, 200);
    }

    void tile(ThreadLocalRandom r) {
      int z = 14 + r.nextInt(3);
      int x0 = tileX(area[0], z), x1 = tileX(area[2], z), y0 = tileY(area[3], z), y1 = tileY(area[1], z);
      int x = x0 + r.nextInt(x1 - x0 + 1), y = y0 + r.nextInt(y1 - y0 + 1);
      send("tiles", get("/tiles/parcels/" + z + "/" + x + "/" + y + ".pbf"), 200, 204);
    }

    void edit(ThreadLocalRandom r) {
      if (!signedIn && !signIn()) {
        return;
      }
      int cells = (int) Math.round(PARK_SIZE / CELL);
      boolean room = nextCell < cells;
      if (room && (parcels.isEmpty() || parcels.size() < 3 && r.nextBoolean() || r.nextDouble() < 0.1)) {
        int col = n % cells, row = nextCell++;
        double x = PARK_X + col * CELL + (CELL - PARCEL) / 2, y = PARK_Y + row * CELL + (CELL - PARCEL) / 2;
        String body = "{\"geometry\":" + square(x, y, PARCEL) + ",\"properties\":{\"park_id\":\"" + parkId
            + "\",\"land_use_code\":\"100101\",\"far\":1.2,\"building_density\":45,\"green_ratio\":15,"
            + "\"name\":\"负载地块 " + n + "-" + row + "\"}}";
        HttpResponse<String> a = send("create", write("/api/edit/parcels", "POST", body), 201, 201);
        if (a != null && a.statusCode() == 201) {
          Matcher m = ID.matcher(a.body());
          m.find();
          parcels.add(new String[] {m.group(1), etag(a)});
        }
        return;
      }
      if (parcels.isEmpty()) {
        return;
      }
      String[] p = parcels.get(r.nextInt(parcels.size()));
      if (p[1] == null) { // an earlier answer was lost: read the version again
        HttpResponse<String> cur = send("items", get("/ogcapi/collections/parcels/items/" + p[0]), 200, 200);
        if (cur == null || cur.statusCode() != 200) {
          return;
        }
        Matcher m = Pattern.compile("\"version\"\\s*:\\s*(\\d+)").matcher(cur.body());
        p[1] = m.find() ? m.group(1) : null;
      }
      String body = String.format(Locale.ROOT, "{\"properties\":{\"far\":%.2f}}", 0.5 + r.nextDouble() * 2.5);
      HttpResponse<String> a = send("update", write("/api/edit/parcels/" + p[0], "PUT", body)
          .header("If-Match", "\"" + p[1] + "\""), 200, 200);
      p[1] = a != null && a.statusCode() == 200 ? etag(a) : null;
    }

    private boolean signIn() {
      send("signin", get("/api/me"), 200, 200);
      HttpResponse<String> a = send("signin", HttpRequest.newBuilder(URI.create(base + "/login")).timeout(timeout)
          .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf())
          .POST(HttpRequest.BodyPublishers.ofString("username=" + planner() + "&password=" + password())), 204, 204);
      signedIn = a != null && a.statusCode() == 204;
      return signedIn;
    }

    private String xsrf() {
      return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
          .map(HttpCookie::getValue).findFirst().orElse("");
    }

    private HttpRequest.Builder get(String path) {
      return HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout).GET();
    }

    private HttpRequest.Builder write(String path, String method, String body) {
      return json(path, method, body).header("X-XSRF-TOKEN", xsrf());
    }

    private HttpResponse<String> send(String kind, HttpRequest.Builder request, int ok1, int ok2) {
      long start = stats.now();
      try {
        HttpResponse<String> a = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.ISO_8859_1));
        int s = a.statusCode();
        String type = a.headers().firstValue("Content-Type").orElse("");
        // a JSON answer cut short (a stream that failed midway) is an error even when its status was 200
        boolean whole = !type.contains("json") || a.body().isEmpty() || a.body().stripTrailing().endsWith("}");
        stats.record(kind, start, s, (s == ok1 || s == ok2) && whole, type, a.body());
        return a;
      } catch (IOException e) {
        stats.record(kind, start, -1, false, null, e.toString());
        return null;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
  }

  private static String etag(HttpResponse<String> a) {
    return a.headers().firstValue("ETag").map(t -> t.replace("\"", "")).orElse(null);
  }

  static int tileX(double lon, int z) {
    return (int) Math.floor((lon + 180) / 360 * (1 << z));
  }

  static int tileY(double lat, int z) {
    double r = Math.toRadians(lat);
    return (int) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * (1 << z));
  }

  /** {@code --base= --admin=user:password --clients=50 --seconds=60 [--area=minLon,minLat,maxLon,maxLat]}. */
  public static void main(String[] args) throws Exception {
    String base = "http://127.0.0.1:8080", admin = "admin:", areaArg = null;
    int clients = 50;
    double seconds = 60;
    for (String a : args) {
      String v = a.substring(a.indexOf('=') + 1);
      if (a.startsWith("--base=")) base = v;
      else if (a.startsWith("--admin=")) admin = v;
      else if (a.startsWith("--clients=")) clients = Integer.parseInt(v);
      else if (a.startsWith("--seconds=")) seconds = Double.parseDouble(v);
      else if (a.startsWith("--area=")) areaArg = v;
      else throw new IllegalArgumentException("unknown argument " + a);
    }
    double[] area = null;
    if (areaArg != null) {
      String[] p = areaArg.split(",");
      area = new double[] {Double.parseDouble(p[0]), Double.parseDouble(p[1]), Double.parseDouble(p[2]),
          Double.parseDouble(p[3])};
    }
    LoadDriver d = new LoadDriver(base, admin, clients, Duration.ofSeconds(30), area).setUp();
    System.out.printf("load: %d clients, %.0f s against %s (planner %s)%n", clients, seconds, base, d.planner());
    LoadStats s = d.run(seconds);
    System.out.print(s.report(seconds));
    System.exit(s.errors().isEmpty() ? 0 : 1);
  }
}
