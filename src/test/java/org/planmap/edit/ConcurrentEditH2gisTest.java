package org.planmap.edit;

import org.planmap.support.H2gisStore;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class ConcurrentEditH2gisTest extends ConcurrentEditContract {
  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    H2gisStore.register(registry);
  }
}
