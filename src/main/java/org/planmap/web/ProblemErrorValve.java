package org.planmap.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's own error page, for requests it refuses before Planmap sees them (a request line with characters that must
 * be percent-encoded, a header it cannot parse): problem JSON in plain words, like every other refusal, instead of
 * Tomcat's HTML page. Errors inside Planmap never get here; they are answered by {@link ProblemAdvice} and
 * {@link ProblemErrorController}.
 */
public class ProblemErrorValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    HttpStatus known = HttpStatus.resolve(status);
    String title = known == null ? "Error" : known.getReasonPhrase();
    String detail = status == 400
        ? "the address or a header could not be read: characters such as spaces, quotes, < > and \\\\ must be"
            + " percent-encoded (a space as %20); check the address and try again"
        : known != null && known.is4xxClientError() ? "the request was refused (" + status + ")"
            : "Planmap could not complete this request";
    String body = "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
        + detail + "\"}";
    try {
      response.setContentType("application/problem+json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response.setHeader("X-Content-Type-Options", "nosniff");
      response.setHeader("Cache-Control", "no-store");
      Writer w = response.getReporter();
      if (w != null) {
        w.write(body);
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // the connection is gone or the response was already committed: nothing more can be said to the client
      container.getLogger().debug("could not write the error body", e);
    }
  }
}
