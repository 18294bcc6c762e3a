package org.planmap.backup;

import org.planmap.support.PostgisDatabase;
import org.planmap.support.PostgisStore;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Backups made on PostGIS, restored into fresh H2GIS and PostGIS instances. The source is a database of its own: the
 * test draws parcels where other suites sharing the run's database drew theirs.
 */
class BackupPostgisTest extends BackupContract {
  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    PostgisStore.register(registry);
    String url = PostgisDatabase.fresh("backup");
    registry.add("spring.datasource.url", () -> url);
  }
}
