package org.planmap.exchange;

import java.io.IOException;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.planmap.geo.Geometries;
import org.planmap.geodata.FeatureRecord;
import org.planmap.geodata.FeatureTableWriter;
import org.planmap.web.ApiException;
import org.planmap.web.DatabaseUnavailable;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a previewed upload in one transaction: every feature or none. Rows get {@code position_accuracy =
 * 'imported'}, {@code source_file = 'import:<job id>'} and {@code source_doc} = the uploaded file's name.
 */
@Component
class ImportWriter {
  private final FeatureTableWriter writer;
  private final TransactionTemplate tx;

  ImportWriter(FeatureTableWriter writer, PlatformTransactionManager tm) {
    this.writer = writer;
    this.tx = new TransactionTemplate(tm);
  }

  /**
   * Reads the upload again and streams its rows into the table ({@code COPY} on PostGIS). The preview checked every
   * geometry as it will be stored: when it found none invalid, they are not checked again; otherwise each is, and
   * repaired (the commit refuses invalid ones unless {@code repair} was asked for).
   */
  ImportResult write(ImportSession s, Map<String, String> mapping, String plan, String kind, Progress progress) {
    String sourceFile = "import:" + s.id();
    boolean check = s.preview().invalid() > 0;
    Map<String, String> keys = ImportMapping.keys(mapping);
    long[] counts = new long[3];
    try {
      tx.executeWithoutResult(status -> {
        try (FeatureTableWriter.Rows rows = writer.open(s.collection(), plan, sourceFile)) {
          for (ImportLayer l : s.layers()) {
            read(l, f -> {
              progress.step();
              counts[0]++;
              Map<String, Object> props = ImportMapping.map(f.properties(), keys);
              if (props.get("name") == null || props.get("name").toString().isBlank()) {
                props.put("name", "未命名要素 " + counts[0]);
                counts[2]++;
              }
              props.putIfAbsent("kind", kind);
              props.put("position_accuracy", "imported");
              props.put("source_doc", s.fileName());
              Geometry g = f.geometry() == null || f.geometry().isEmpty() ? null : l.crs().toStored(f.geometry());
              if (check && g != null && !g.isValid()) {
                g = GeometryFixer.fix(g);
                g.setSRID(Geometries.WGS84);
                counts[1]++;
              }
              rows.add(new FeatureRecord("imp-" + s.id() + "-" + counts[0], props, g));
            });
          }
          rows.finish();
        }
      });
    } catch (RuntimeException e) {
      throw refusal(e, sourceFile);
    }
    return new ImportResult(s.collection().id(), counts[0], sourceFile, counts[1], counts[2]);
  }

  /** What the planner is told when the import stops: nothing is stored in any case (one transaction). */
  private static RuntimeException refusal(RuntimeException e, String sourceFile) {
    if (DatabaseUnavailable.is(e)) {
      return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "Database unavailable",
          "the database could not be reached during the import; nothing was stored, try the import again in a moment");
    }
    if (e instanceof IllegalArgumentException) {
      return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "Import refused",
          e.getMessage().replace(sourceFile + " feature ", "feature ") + "; nothing was stored");
    }
    if (e instanceof DataAccessException) {
      return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "Import refused",
          "the database refused a feature (" + rootMessage(e) + "); nothing was stored");
    }
    return e;
  }

  private static void read(ImportLayer l, java.util.function.Consumer<ImportSource.Feature> sink) {
    try {
      l.source().read(sink);
    } catch (IOException e) {
      throw new IllegalStateException(l.source().name() + " could not be read again: " + e.getMessage(), e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    m = m.lines().findFirst().orElse(m);
    int sql = m.indexOf("; SQL statement");
    return sql < 0 ? m : m.substring(0, sql);
  }
}
