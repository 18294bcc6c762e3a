package org.planmap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.planmap.security.RightsMatrix.Role;
import org.planmap.security.RightsMatrix.Row;
import org.planmap.support.H2gisStore;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The matrix's {@code closed} column: anonymous calls with {@code planmap.security.anonymous-read=false}. Only the
 * security filter chain differs from the open mode, and it does not touch the store, so the embedded store suffices.
 */
@TestPropertySource(properties = "planmap.security.anonymous-read=false")
class RightsMatrixClosedTest extends RightsMatrixBase {
  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    H2gisStore.register(registry);
  }

  @Test
  void everyRowAnswersAnonymousWhenAnonymousReadingIsOff() {
    List<String> failures = new ArrayList<>();
    for (Row row : RightsMatrix.rows()) {
      String f = call(row, "anonymous (reading off)", null, http, row.expected().get(Role.CLOSED));
      if (f != null) {
        failures.add(f);
      }
    }
    assertThat(failures).as(String.join("\n", failures)).isEmpty();
  }
}
