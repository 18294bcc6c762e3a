package org.planmap.web;

import org.planmap.support.H2gisStore;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class BadInputH2gisTest extends BadInputContract {
  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    H2gisStore.register(registry);
  }
}
