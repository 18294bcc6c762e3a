package org.planmap.web;

import org.springframework.http.HttpStatus;

/** A request Planmap refuses, with words a planner can act on; rendered as RFC 7807 problem JSON. */
public class ApiException extends RuntimeException {
  private final HttpStatus status;
  private final String title;

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

  public HttpStatus status() {
    return status;
  }

  public String title() {
    return title;
  }
}
