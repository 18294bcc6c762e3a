package org.planmap.backup;

import org.planmap.support.PostgisStore;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Backups made on PostGIS, restored into fresh H2GIS and PostGIS instances. */
class BackupPostgisTest extends BackupContract {
  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    PostgisStore.register(registry);
  }
}
