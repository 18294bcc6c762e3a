package org.planmap.web;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one error model: every failure leaves as RFC 7807 problem JSON, with no stack trace or SQL in it.
 * Spring MVC's own exceptions (404, 405, 406, missing parameters…) are handled by the base class.
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);
  /** The detail of every 503: the database is down or restarting. */
  public static final String UNAVAILABLE = "the map database cannot be reached right now; please retry in a moment";

  @ExceptionHandler(ApiException.class)
  public ResponseEntity<ProblemDetail> api(ApiException e) {
    ResponseEntity<ProblemDetail> r = problem(e.status(), e.title(), e.getMessage());
    e.properties().forEach(r.getBody()::setProperty);
    return r;
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  public ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
    return problem(HttpStatus.BAD_REQUEST, "Bad request",
        "parameter '" + e.getName() + "' has an invalid value '" + e.getValue() + "'");
  }

  /** A multipart body the container cannot parse (broken boundary, illegal characters in a part's header). */
  @ExceptionHandler(MultipartException.class)
  public ResponseEntity<ProblemDetail> multipart(MultipartException e) {
    return problem(HttpStatus.BAD_REQUEST, "Bad request", "the upload could not be read as multipart/form-data;"
        + " send the file as the form field 'file' with a plain file name");
  }

  /**
   * The servlet container parses the query string only when a controller first asks for a parameter: a malformed
   * %-escape (Tomcat) or a parameter name with control characters (Spring Security's firewall) surfaces here.
   */
  @ExceptionHandler(InvalidParameterException.class)
  public ResponseEntity<ProblemDetail> malformedQuery(InvalidParameterException e) {
    return problem(HttpStatus.BAD_REQUEST, "Bad request", "the query string is malformed (a '%' must be followed by"
        + " two hexadecimal digits, text must be UTF-8): encode each value, e.g. with encodeURIComponent");
  }

  @ExceptionHandler(RequestRejectedException.class)
  public ResponseEntity<ProblemDetail> rejected(RequestRejectedException e) {
    return problem(HttpStatus.BAD_REQUEST, "Bad request", "a parameter name holds control or unassigned characters;"
        + " use the names this API documents");
  }

  @ExceptionHandler({CannotGetJdbcConnectionException.class, DataAccessResourceFailureException.class,
      TransientDataAccessException.class, CannotCreateTransactionException.class})
  public ResponseEntity<ProblemDetail> unavailable(Exception e) {
    log.warn("database unavailable: {}", e.getMessage());
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, UNAVAILABLE);
    p.setTitle("Database unavailable");
    p.setProperty("code", "database_unavailable");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .header(HttpHeaders.RETRY_AFTER, "5").body(p);
  }

  @ExceptionHandler(Exception.class)
  public ResponseEntity<ProblemDetail> unexpected(Exception e) {
    if (DatabaseUnavailable.is(e)) {
      return unavailable(e);
    }
    log.error("unexpected error", e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
        "Planmap could not complete this request; the error has been logged");
  }

  /** A body that is empty, not JSON, or JSON of the wrong shape: said in plain words, without parser internals. */
  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    return problemObject(HttpStatus.BAD_REQUEST, "Bad request", unreadable(e));
  }

  static String unreadable(HttpMessageNotReadableException e) {
    Throwable cause = e.getMostSpecificCause();
    if (cause instanceof DatabindException d && !d.getPath().isEmpty()) {
      String field = d.getPath().stream().map(r -> r.getPropertyName() != null ? r.getPropertyName()
          : "[" + r.getIndex() + "]").collect(java.util.stream.Collectors.joining("."));
      return "the request body is not valid JSON for this request: '" + field + "' has a value of the wrong kind"
          + " or one that is not offered";
    }
    if (cause instanceof StreamReadException r && r.getLocation() != null) {
      return "the request body is not valid JSON (at line " + r.getLocation().getLineNr() + ", column "
          + r.getLocation().getColumnNr() + "; NaN and Infinity are not JSON numbers)";
    }
    if (e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")) {
      return "the request has no body; send it as JSON";
    }
    return "the request body is not valid JSON of the expected shape";
  }

  @Override
  protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return problemObject(HttpStatus.PAYLOAD_TOO_LARGE, "Too large", "the upload is larger than Planmap accepts"
        + (e.getMaxUploadSize() > 0 ? " (" + e.getMaxUploadSize() / (1024 * 1024) + " MB)" : ""));
  }

  private static ResponseEntity<Object> problemObject(HttpStatus status, String title, String detail) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem(status, title, detail).getBody());
  }

  @Override
  protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
      WebRequest request) {
    HttpHeaders h = new HttpHeaders();
    h.addAll(headers);
    h.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    return new ResponseEntity<>(body, h, status);
  }

  private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setTitle(title);
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
  }
}
