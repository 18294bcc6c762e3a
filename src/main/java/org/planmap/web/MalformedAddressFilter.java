package org.planmap.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything else reads it, an address whose {@code %}-escapes are malformed. Tomcat checks the path
 * but not path parameters ({@code /tiles/;x=%,}), which Spring's path parser then fails on with an
 * {@code IllegalArgumentException} — twice, the second time while answering the error: a 500 (found by
 * {@code HttpFuzzTest}). The answer is problem JSON in plain words, as everywhere.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class MalformedAddressFilter extends OncePerRequestFilter {
  private static final byte[] BODY = ("{\"type\":\"about:blank\",\"title\":\"Bad request\",\"status\":400,\"detail\":"
      + "\"the address has a malformed %-escape: a '%' must be followed by two hexadecimal digits; encode each part"
      + " of the address, e.g. with encodeURIComponent\"}").getBytes(StandardCharsets.UTF_8);

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (wellEscaped(request.getRequestURI())) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    response.setContentType("application/problem+json");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Cache-Control", "no-store");
    response.setContentLength(BODY.length);
    response.getOutputStream().write(BODY);
  }

  /** Whether every {@code %} is followed by two hexadecimal digits. */
  static boolean wellEscaped(String uri) {
    if (uri == null) {
      return true;
    }
    for (int i = uri.indexOf('%'); i >= 0; i = uri.indexOf('%', i + 1)) {
      if (i + 2 >= uri.length() || Character.digit(uri.charAt(i + 1), 16) < 0
          || Character.digit(uri.charAt(i + 2), 16) < 0) {
        return false;
      }
    }
    return true;
  }
}
