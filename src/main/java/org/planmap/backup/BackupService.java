package org.planmap.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.planmap.exchange.ExchangeProperties;
import org.planmap.tiles.TileCache;
import org.planmap.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Backup of all of Planmap's data into one GeoPackage, and its restore. A backup reads every table in one
 * read-only repeatable-read transaction (one consistent snapshot); a restore replaces every table in one
 * transaction, checks row counts and checksums of what it read and of what is then stored, and rolls back
 * on any difference.
 */
@Service
public class BackupService {
  private static final Logger log = LoggerFactory.getLogger(BackupService.class);
  private final BackupStore store;
  private final TransactionTemplate snapshot;
  private final TransactionTemplate tx;
  private final Flyway flyway;
  private final ExchangeProperties exchange;
  private final TileCache tiles;
  private final ReentrantLock restoring = new ReentrantLock();

  public BackupService(BackupStore store, PlatformTransactionManager tm, Flyway flyway, ExchangeProperties exchange,
      TileCache tiles) {
    this.store = store;
    this.snapshot = new TransactionTemplate(tm);
    this.snapshot.setReadOnly(true);
    this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    this.tx = new TransactionTemplate(tm);
    this.flyway = flyway;
    this.exchange = exchange;
    this.tiles = tiles;
  }

  /** What a restore did. */
  public record RestoreReport(String planmapVersion, String schemaVersion, String createdAt, String store,
      Map<String, Long> rows) {}

  /** The database schema version (the latest applied Flyway migration). */
  public String schemaVersion() {
    MigrationInfo current = flyway.info().current();
    return current == null || current.getVersion() == null ? "none" : current.getVersion().getVersion();
  }

  static String planmapVersion() {
    String v = BackupService.class.getPackage().getImplementationVersion();
    return v == null ? "development" : v;
  }

  /** Builds the backup in a work folder and copies it to {@code out}. */
  public void backup(OutputStream out) throws IOException {
    Files.createDirectories(exchange.work());
    Path dir = Files.createTempDirectory(exchange.work(), "backup-");
    try {
      Path file = dir.resolve("planmap-backup.gpkg");
      write(file);
      Files.copy(file, out);
      out.flush();
    } finally {
      deleteTree(dir);
    }
  }

  /** Fails when the database has a column the backup list does not know (a migration not yet taught to it). */
  public void checkSchema() {
    for (BackupTable t : BackupSchema.all()) {
      Set<String> unknown = store.unknownColumns(t);
      if (!unknown.isEmpty()) {
        throw new IllegalStateException("backups do not know columns " + unknown + " of table " + t.name()
            + ": update BackupSchema");
      }
    }
  }

  /** Writes the backup GeoPackage to {@code file} (which must not exist). */
  public void write(Path file) {
    checkSchema();
    try (BackupFileWriter w = new BackupFileWriter(file)) {
      List<Object[]> summaries = new ArrayList<>();
      snapshot.executeWithoutResult(s -> {
        for (BackupTable t : BackupSchema.all()) {
          TableDigest d = new TableDigest();
          w.begin(t);
          store.stream(t, row -> {
            d.add(row);
            w.write(row);
          });
          w.end();
          summaries.add(new Object[] {t.name(), d.rows(), d.hex()});
        }
      });
      w.table(BackupFormat.TABLES, summaries);
      w.table(BackupFormat.META, meta().entrySet().stream().map(e -> new Object[] {e.getKey(), e.getValue()})
          .toList());
    }
  }

  private Map<String, String> meta() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("format", BackupFormat.FORMAT);
    m.put("format_version", BackupFormat.VERSION);
    m.put("planmap_version", planmapVersion());
    m.put("schema_version", schemaVersion());
    m.put("store", store.dialect().name().toLowerCase(Locale.ROOT));
    m.put("created_at", Instant.now().toString());
    m.put("crs", "EPSG:4326");
    return m;
  }

  /**
   * Replaces all data with the backup's, in one transaction. Unless {@code replace}, only an instance that holds
   * nothing made by its users (a fresh one: the shipped plans and the first admin) is accepted.
   */
  public RestoreReport restore(Path file, String name, boolean replace) throws IOException {
    if (!restoring.tryLock()) {
      throw new ApiException(HttpStatus.CONFLICT, "Restore running", "another restore is running; wait for it to"
          + " finish").with("code", "restore_running");
    }
    try (BackupFileReader r = BackupFileReader.open(file, name, schemaVersion())) {
      RestoreReport report;
      try {
        report = tx.execute(s -> replaceAll(r, replace));
      } catch (DataIntegrityViolationException e) {
        throw BackupFileReader.bad(name + " is damaged: its rows break a rule of the database (a duplicate id or"
            + " a value out of range); nothing was changed");
      } finally {
        store.resetIdentity();
      }
      tiles.clear();
      log.info("restored the backup {} made {} ({} rows)", name, report.createdAt(),
          report.rows().values().stream().mapToLong(Long::longValue).sum());
      return report;
    } finally {
      restoring.unlock();
    }
  }

  private RestoreReport replaceAll(BackupFileReader r, boolean replace) {
    if (!replace) {
      List<String> made = store.userData();
      if (!made.isEmpty()) {
        throw new ApiException(HttpStatus.CONFLICT, "Not a fresh instance", "this Planmap already holds data of its"
            + " users (" + String.join(", ", made) + "); a restore would replace all of it. Restore into a fresh"
            + " instance, or ask to replace everything (replace=true; on the command line"
            + " --planmap.backup.replace=true)").with("code", "not_empty");
      }
    }
    store.deleteAll();
    Map<String, Long> rows = new LinkedHashMap<>();
    for (BackupTable t : BackupSchema.all()) {
      BackupFormat.Summary expected = r.summary(t);
      TableDigest read = new TableDigest();
      List<Object[]> batch = new ArrayList<>();
      r.rows(t, row -> {
        read.add(row);
        batch.add(row);
        if (batch.size() == 1000) {
          store.insert(t, batch);
          batch.clear();
        }
      });
      store.insert(t, batch);
      if (read.rows() != expected.rows() || !read.hex().equals(expected.checksum())) {
        throw BackupFileReader.bad("the backup is damaged: table " + t.name() + " holds " + read.rows()
            + " rows that do not match the " + expected.rows() + " rows it was written with; nothing was changed");
      }
      rows.put(t.name(), read.rows());
    }
    store.resetIdentity();
    for (BackupTable t : BackupSchema.all()) {
      TableDigest stored = new TableDigest();
      store.stream(t, stored::add);
      if (!stored.hex().equals(r.summary(t).checksum())) {
        throw new IllegalStateException("table " + t.name() + " differs from the backup after the restore");
      }
    }
    Map<String, String> m = r.meta();
    return new RestoreReport(m.get("planmap_version"), m.get("schema_version"), m.get("created_at"), m.get("store"),
        rows);
  }

  static void deleteTree(Path dir) {
    try (var s = Files.walk(dir)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort: a leftover temp folder is harmless
    }
  }
}
