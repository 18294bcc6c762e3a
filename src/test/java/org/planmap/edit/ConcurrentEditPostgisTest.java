package org.planmap.edit;

import org.planmap.support.PostgisStore;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class ConcurrentEditPostgisTest extends ConcurrentEditContract {
  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    PostgisStore.register(registry);
  }
}
