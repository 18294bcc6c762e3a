package org.planmap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.planmap.security.RightsMatrix.Role;
import org.planmap.security.RightsMatrix.Row;
import org.planmap.support.Http;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The rights matrix ({@code security/rights-matrix.tsv}) over real HTTP: every row as anonymous, viewer, planner of
 * another territory, planner of the territory and admin with HTTP Basic; every row again through a browser session
 * (sign-in form, session cookie, CSRF token); every refused write leaves every table as it was; and every request
 * handler of the application has a row.
 */
public abstract class RightsMatrixContract extends RightsMatrixBase {
  @Test
  void everyRowAnswersEachRoleOverHttpBasic() {
    List<String> failures = new ArrayList<>();
    for (Row row : RightsMatrix.rows()) {
      for (Role role : List.of(Role.ANONYMOUS, Role.VIEWER, Role.OTHER, Role.PLANNER, Role.ADMIN)) {
        String f = call(row, role.name(), RightsFixtures.user(role), http, row.expected().get(role));
        if (f != null) {
          failures.add(f);
        }
      }
    }
    assertThat(failures).as(String.join("\n", failures)).isEmpty();
  }

  /**
   * The browser's way: sign in with the form, then the session cookie; every write without the CSRF token is
   * refused (403) and changes nothing, and with the token answers as over HTTP Basic.
   */
  @Test
  void everyRowThroughABrowserSessionNeedsTheCsrfTokenToWrite() {
    List<String> failures = new ArrayList<>();
    for (Row row : RightsMatrix.rows()) {
      for (Role role : List.of(Role.PLANNER, Role.ADMIN)) {
        Http browser = signIn(RightsFixtures.user(role));
        if (row.writes()) {
          String f = call(row, role + " session without CSRF token", null, browser, 403);
          if (f != null) {
            failures.add(f);
          }
        }
        String f = call(row, role + " session", null, browser, row.expected().get(role), "X-XSRF-TOKEN",
            browser.cookie("XSRF-TOKEN"));
        if (f != null) {
          failures.add(f);
        }
      }
    }
    assertThat(failures).as(String.join("\n", failures)).isEmpty();
  }

  /** A new endpoint without a row in the matrix fails the build. */
  @Test
  void everyRequestHandlerHasARow() {
    List<Row> rows = RightsMatrix.rows();
    List<String> missing = new ArrayList<>();
    for (Map.Entry<RequestMappingInfo, ?> e : handlers.getHandlerMethods().entrySet()) {
      RequestMappingInfo info = e.getKey();
      var methods = info.getMethodsCondition().getMethods();
      for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
        boolean covered = rows.stream().anyMatch(r -> pattern.matches(PathContainer.parsePath(r.samplePath()))
            && (methods.isEmpty() || methods.contains(RequestMethod.valueOf(r.method()))));
        if (!covered) {
          missing.add((methods.isEmpty() ? "ANY" : methods) + " " + pattern + " (" + e.getValue() + ")");
        }
      }
    }
    assertThat(missing).as("handlers without a row in security/rights-matrix.tsv").isEmpty();
  }

  /** The usual headers on pages, API answers, files and every kind of refusal. */
  @Test
  void securityHeadersOnPagesApiAndErrors() {
    List<String> failures = new ArrayList<>();
    String[][] requests = {
        {"GET", "/"}, {"GET", "/exchange.html"}, {"GET", "/js/main.js"}, {"GET", "/api/plans"},
        {"GET", "/ogcapi/collections/parks/items?limit=1"}, {"GET", "/tiles/parks/0/0/0.pbf"},
        {"GET", "/api/nope"}, {"GET", "/ogcapi/collections/parks/items?limit=x"}, {"POST", "/api/edit/parcels"},
        {"GET", "/api/admin/users"}, {"PUT", "/api/plans"}};
    for (String[] q : requests) {
      Http.Response r = http.sendBytes(q[0], q[1], null, "Accept", "*/*");
      String csp = String.valueOf(r.header("Content-Security-Policy"));
      for (String directive : List.of("default-src 'self'", "script-src 'self'", "object-src 'none'",
          "frame-ancestors 'none'", "base-uri 'self'")) {
        if (!csp.contains(directive)) {
          failures.add(q[0] + " " + q[1] + " (" + r.status() + "): CSP lacks " + directive + ": " + csp);
        }
      }
      if (csp.contains("unsafe-inline") || csp.contains("unsafe-eval")) {
        failures.add(q[0] + " " + q[1] + ": CSP allows unsafe code: " + csp);
      }
      Map<String, String> fixed = Map.of("X-Content-Type-Options", "nosniff", "X-Frame-Options", "DENY",
          "Referrer-Policy", "same-origin");
      fixed.forEach((name, value) -> {
        if (!value.equals(r.header(name))) {
          failures.add(q[0] + " " + q[1] + " (" + r.status() + "): " + name + " is " + r.header(name));
        }
      });
    }
    assertThat(failures).as(String.join("\n", failures)).isEmpty();
  }
}
