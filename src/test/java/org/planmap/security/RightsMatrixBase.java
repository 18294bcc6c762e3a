package org.planmap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.planmap.security.RightsMatrix.Row;
import org.planmap.support.ApiTest;
import org.planmap.support.Http;
import org.planmap.support.TableChecksums;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Calls rows of the rights matrix ({@code security/rights-matrix.tsv}) against the running server. */
abstract class RightsMatrixBase extends ApiTest {
  @Autowired AdminService admin;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlers;
  RightsFixtures fixtures;
  TableChecksums tables;

  @BeforeEach
  void fixtures() {
    fixtures = new RightsFixtures(http, jdbc, admin);
    fixtures.accounts();
    tables = new TableChecksums(dataSource);
  }

  /**
   * One call of a row: with HTTP Basic as {@code user} (null: no credentials) through {@code client}. Returns null
   * if it answered {@code expected} (refusals as problem JSON, refused writes changing nothing), else what was wrong.
   */
  String call(Row row, String label, String user, Http client, int expected, String... extraHeaders) {
    String path = fixtures.resolve(row.path());
    byte[] body = null;
    String type = null;
    if (!row.body().equals("-")) {
      String text = fixtures.resolve(RightsMatrix.resource("security/rights/" + row.body()));
      if (row.body().endsWith(".geojson")) {
        body = Http.multipart(row.body(), text.getBytes(StandardCharsets.UTF_8), "collection", "projects");
        type = "multipart/form-data; boundary=" + Http.BOUNDARY;
      } else {
        body = text.getBytes(StandardCharsets.UTF_8);
        type = row.body().endsWith(".form") ? "application/x-www-form-urlencoded" : "application/json";
      }
    }
    List<String> headers = new ArrayList<>(List.of(extraHeaders));
    row.headers().forEach(h -> headers.addAll(List.of(h[0], h[1])));
    if (user != null) {
      headers.addAll(List.of(Http.basic(user, RightsFixtures.PASSWORD)));
    }
    if (type != null) {
      headers.addAll(List.of("Content-Type", type));
    }
    headers.addAll(List.of("Accept", "*/*"));
    Map<String, String> before = row.writes() && expected >= 400 ? tables.all() : null;
    Http.Response r = client.sendBytes(row.method(), path, body, headers.toArray(String[]::new));
    List<String> wrong = new ArrayList<>();
    if (r.status() != expected) {
      wrong.add("answered " + r.status() + ", not " + expected + ": " + abbreviate(r.body()));
    }
    if (r.status() >= 400 && !r.contentType().startsWith("application/problem+json")) {
      wrong.add("refused as " + r.contentType() + ", not problem JSON");
    }
    if (before != null && !tables.all().equals(before)) {
      wrong.add("was refused (" + r.status() + ") but changed stored data");
    }
    return wrong.isEmpty() ? null : row + " as " + label + ": " + String.join("; ", wrong);
  }

  private static String abbreviate(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }

  Http signIn(String user) {
    Http browser = new Http(port, true);
    browser.get("/api/me");
    Http.Response login = browser.send("POST", "/login", "username=" + user + "&password=" + RightsFixtures.PASSWORD,
        "Content-Type", "application/x-www-form-urlencoded", "X-XSRF-TOKEN", browser.cookie("XSRF-TOKEN"));
    assertThat(login.status()).as(login.body()).isEqualTo(204);
    assertThat(browser.get("/api/me").json().path("username").asString()).isEqualTo(user);
    return browser;
  }
}
