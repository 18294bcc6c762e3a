package org.planmap.security;

import org.planmap.support.H2gisStore;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class RightsMatrixH2gisTest extends RightsMatrixContract {
  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    H2gisStore.register(registry);
  }
}
