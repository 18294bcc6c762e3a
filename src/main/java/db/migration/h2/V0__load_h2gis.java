package db.migration.h2;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.h2gis.functions.factory.H2GISFunctions;

/**
 * Registers the H2GIS spatial functions inside Flyway's history, so the embedded database is never a
 * "non-empty schema without history" (see shared/docs/domain.md §4). The functions persist in the file.
 */
public class V0__load_h2gis extends BaseJavaMigration {
  @Override
  public void migrate(Context context) throws Exception {
    H2GISFunctions.load(context.getConnection());
  }
}
