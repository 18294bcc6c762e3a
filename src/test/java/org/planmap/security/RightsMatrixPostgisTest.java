package org.planmap.security;

import org.planmap.support.PostgisStore;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class RightsMatrixPostgisTest extends RightsMatrixContract {
  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    PostgisStore.register(registry);
  }
}
