package org.planmap.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that happen outside Spring MVC (in the servlet container or a filter) are forwarded to {@code /error}; this
 * answers them in the one error model, as problem JSON in plain words, never with the exception, its message, a
 * stack trace or SQL. Replaces Spring Boot's {@code BasicErrorController}. Called directly it is simply not found.
 */
@RestController
public class ProblemErrorController implements ErrorController {
  @RequestMapping("/error")
  public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status = code instanceof Integer i && HttpStatus.resolve(i) != null && i >= 400
        ? HttpStatus.valueOf(i) : HttpStatus.NOT_FOUND;
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail(status, code == null));
    p.setTitle(status.getReasonPhrase());
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
  }

  private static String detail(HttpStatus status, boolean direct) {
    if (direct || status == HttpStatus.NOT_FOUND) {
      return "there is nothing at this address";
    }
    return switch (status) {
      case BAD_REQUEST -> "the request could not be read; check its address, parameters and body";
      case PAYLOAD_TOO_LARGE -> "the request is larger than Planmap accepts";
      case METHOD_NOT_ALLOWED -> "this address does not take this kind of request";
      case UNAUTHORIZED -> "please sign in to do this";
      case FORBIDDEN -> "your account may not do this";
      default -> status.is4xxClientError() ? "the request was refused (" + status.value() + ")"
          : "Planmap could not complete this request; the error has been logged";
    };
  }
}
