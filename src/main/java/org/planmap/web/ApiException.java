package org.planmap.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A request Planmap refuses, with words a planner can act on; rendered as RFC 7807 problem JSON. */
public class ApiException extends RuntimeException {
  private final HttpStatus status;
  private final String title;
  private final Map<String, Object> properties = new LinkedHashMap<>();

  public ApiException(HttpStatus status, String title, String detail) {
    super(detail);
    this.status = status;
    this.title = title;
  }

  public static ApiException badRequest(String detail) {
    return new ApiException(HttpStatus.BAD_REQUEST, "Bad request", detail);
  }

  public static ApiException notFound(String detail) {
    return new ApiException(HttpStatus.NOT_FOUND, "Not found", detail);
  }

  /**
   * 422: the request is well-formed but breaks a rule (geometry, attribute).
   *
   * @param code a stable machine-readable reason (e.g. {@code outside_park}) that clients translate
   * @param location [lon, lat] of the problem, or null
   */
  public static ApiException unprocessable(String code, String detail, double[] location) {
    ApiException e = new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "Not accepted", detail);
    e.properties.put("code", code);
    if (location != null) {
      e.properties.put("location", location);
    }
    return e;
  }

  /** Adds a member to the problem body (e.g. the current version on a conflict). */
  public ApiException with(String name, Object value) {
    properties.put(name, value);
    return this;
  }

  public Map<String, Object> properties() {
    return properties;
  }

  public HttpStatus status() {
    return status;
  }

  public String title() {
    return title;
  }
}
