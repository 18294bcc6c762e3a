package org.planmap.load;

import org.planmap.support.PostgisStore;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class LoadPostgisTest extends LoadContract {
  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    PostgisStore.register(registry);
  }
}
