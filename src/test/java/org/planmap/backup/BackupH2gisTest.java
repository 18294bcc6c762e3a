package org.planmap.backup;

import org.planmap.support.H2gisStore;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Backups made on H2GIS, restored into fresh H2GIS and PostGIS instances. */
class BackupH2gisTest extends BackupContract {
  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    H2gisStore.register(registry);
  }
}
