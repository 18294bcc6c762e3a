package org.planmap.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The property every fuzz target checks: a parser either returns or refuses with {@link ApiException} carrying a
 * 4xx status and a message; anything else (another exception, an error, a 5xx) is a finding.
 */
public final class Fuzzing {
  private Fuzzing() {}

  /** Runs {@code parse}; an {@link ApiException} must be a 4xx with a message, any other throwable escapes. */
  public static void refusedOrAccepted(ThrowingRunnable parse) throws Exception {
    try {
      parse.run();
    } catch (ApiException e) {
      assertTrue(e.status().is4xxClientError(), () -> "a refusal must be 4xx, not " + e.status() + ": " + e.getMessage());
      assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "a refusal must say why");
    }
  }

  @FunctionalInterface
  public interface ThrowingRunnable {
    void run() throws Exception;
  }
}
