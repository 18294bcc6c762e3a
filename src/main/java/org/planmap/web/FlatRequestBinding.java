package org.planmap.web;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Query parameters are bound to flat request records only: a parameter name with a dot or brackets
 * ({@code format.kml=…}) is not a nested property path into a String and is ignored, instead of
 * failing deep in the binder with a 500 (found by {@code HttpFuzzTest}).
 */
@ControllerAdvice
class FlatRequestBinding {
  @InitBinder
  void flat(WebDataBinder binder) {
    binder.setAutoGrowNestedPaths(false);
    binder.setIgnoreInvalidFields(true);
  }
}
