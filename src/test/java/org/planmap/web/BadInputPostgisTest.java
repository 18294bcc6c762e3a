package org.planmap.web;

import org.planmap.support.PostgisStore;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class BadInputPostgisTest extends BadInputContract {
  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    PostgisStore.register(registry);
  }
}
