package org.planmap.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.planmap.support.H2gisStore;
import org.planmap.support.Http;
import org.planmap.support.RawHttp;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Requests against the running server (embedded H2GIS store, the shipped plans loaded): no input may end in a 5xx.
 * The input's first character picks the request, the rest is what the fuzzer controls:
 * {@code 0} the path and query after {@code /ogcapi/collections/}, {@code 1} the path after {@code /tiles/},
 * {@code 2} the query of {@code /api/exchange/export}, {@code 3} a {@code POST /api/edit/{collection}} body
 * (the next character picks the collection) sent by a signed-in admin.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HttpFuzzTest {
  private static final List<String> EDITABLE = List.of("parcels", "parks", "projects", "routes", "route_stops");
  @LocalServerPort
  int port;
  private Http admin;
  private String csrf;

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    H2gisStore.register(registry);
  }

  @FuzzTest
  void request(byte[] input) throws Exception {
    String all = new String(input, StandardCharsets.UTF_8);
    char which = all.isEmpty() ? '0' : all.charAt(0);
    String rest = all.isEmpty() ? "" : all.substring(1);
    // Jazzer's SSRF detector flags every connection; this test talks to its own server only
    try (SilentCloseable ours = BugDetectors.allowNetworkConnections(
        (host, p) -> p == port && (host.equals("127.0.0.1") || host.equals("localhost")))) {
      switch (Math.floorMod(which - '0', 4)) {
        case 0 -> get("/ogcapi/collections/" + rest);
        case 1 -> get("/tiles/" + rest);
        case 2 -> get("/api/exchange/export?" + rest);
        default -> edit(rest);
      }
    }
  }

  private void get(String target) throws IOException {
    int status = RawHttp.get(port, requestTarget(target)).status();
    assertTrue(status > 0 && status < 500, () -> "GET " + target + " answered " + status);
  }

  private void edit(String rest) {
    String collection = EDITABLE.get(rest.isEmpty() ? 0 : Math.floorMod(rest.charAt(0), EDITABLE.size()));
    String body = rest.isEmpty() ? "" : rest.substring(1);
    signIn();
    Http.Response r = admin.send("POST", "/api/edit/" + collection, body, "X-XSRF-TOKEN", csrf);
    assertTrue(r.status() < 500, () -> "POST /api/edit/" + collection + " " + body + " answered " + r.status() + ": "
        + r.body());
  }

  /** A session like the browser's (sign-in once: HTTP Basic would cost a bcrypt check per request). */
  private void signIn() {
    if (admin != null) {
      return;
    }
    Http session = new Http(port, true);
    session.get("/api/me");
    Http.Response login = session.send("POST", "/login", "username=admin&password=test-admin-password",
        "Content-Type", "application/x-www-form-urlencoded", "X-XSRF-TOKEN", session.cookie("XSRF-TOKEN"));
    assertTrue(login.status() == 204, "sign-in failed: " + login.status());
    session.get("/api/me");
    csrf = session.cookie("XSRF-TOKEN");
    admin = session;
  }

  /** What a client may put in a request line: bytes that would end or split the line are %-escaped. */
  static String requestTarget(String s) {
    StringBuilder b = new StringBuilder();
    for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
      int c = x & 0xFF;
      if (c <= 0x20 || c >= 0x7F) {
        b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      } else {
        b.append((char) c);
      }
    }
    return b.toString();
  }
}
