package org.planmap.config;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.db.NullValueDataType;
import org.h2.mvstore.db.ValueDataType;
import org.h2.mvstore.rtree.MVRTreeMap;
import org.h2.mvstore.tx.TransactionStore;

import org.h2.mvstore.tx.VersionedValueType;
import org.h2.mvstore.type.MetaType;
import org.h2.value.Value;
import org.h2.value.VersionedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Ends, before H2 opens the embedded database file, the transactions a killed process left in it (kill -9, OOM
 * killer, power cut): open ones are rolled back, committed ones completed, as H2 would do itself.
 *
 * <p>Why Planmap does it and not H2 (2.4.240): H2 reads the undo log of such a transaction while it opens the file,
 * before any table or index is open. Each undo record names the map it belongs to, and H2 opens that map from its
 * stored description. A SPATIAL index (R-tree) map is described without its key type, so H2 opens it with its
 * default type and fails: {@code MVStoreException: Unable to read the page … ClassCastException: ValueDataType cannot
 * be cast to SpatialDataType}, and the database does not open at all. Every commit writes the store with
 * {@code WRITE_DELAY 0} (and large transactions write it before they commit), so any transaction that was between
 * writing a geometry and committing when the process died leaves such a record behind. Here the R-tree maps are opened
 * first, with the types H2 gives them ({@code MVSpatialIndex}), and the rest is H2's own {@link TransactionStore}.
 *
 * <p>Runs on every start with an embedded file URL before the connection pool opens the database; when the file was
 * closed normally (no unfinished transaction) it only reads the file header and the list of maps.
 */
@Component
public class EmbeddedRecovery implements BeanPostProcessor {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedRecovery.class);

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource h && h.getJdbcUrl() != null) {
      prepare(h.getJdbcUrl());
    }
    return bean;
  }

  /**
   * Ends the unfinished transactions in the file of an embedded H2 URL. Does nothing for other URLs, for a file that
   * does not exist yet, that is encrypted, or that another process has open (H2 then reports what it finds).
   *
   * @return the number of transactions ended
   */
  public static int prepare(String jdbcUrl) {
    Optional<Path> file = storeFile(jdbcUrl);
    if (file.isEmpty() || !Files.isRegularFile(file.get())) {
      return 0;
    }
    MVStore store;
    try {
      store = new MVStore.Builder().fileName(file.get().toString()).autoCommitDisabled().open();
    } catch (RuntimeException e) {
      log.warn("embedded store {}: not checked for unfinished transactions ({})", file.get(), e.getMessage());
      return 0;
    }
    boolean changed = false;
    try {
      List<String> undoLogs = new ArrayList<>();
      for (String name : store.getMapNames()) {
        if (name.startsWith(TransactionStore.UNDO_LOG_NAME_PREFIX) && store.hasData(name)) {
          undoLogs.add(name);
        }
      }
      if (undoLogs.isEmpty()) {
        return 0;
      }
      openSpatialIndexMaps(store);
      TransactionStore transactions = new TransactionStore(store, new MetaType<>(null, null), new ValueDataType(), 0);
      transactions.init();
      int ended = transactions.getOpenTransactions().size();
      changed = true;
      transactions.endLeftoverTransactions();
      store.commit();
      log.warn("embedded store {} was not closed normally: {} unfinished transaction(s) ended before opening it",
          file.get(), ended);
      return ended;
    } finally {
      if (changed) {
        store.close();
      } else {
        store.closeImmediately();
      }
    }
  }

  /** Opens every R-tree map as {@code org.h2.mvstore.db.MVSpatialIndex} does: 2-D spatial keys, null values. */
  private static void openSpatialIndexMaps(MVStore store) {
    MVMap<String, String> meta = store.getMetaMap();
    for (Iterator<String> keys = meta.keyIterator("map."); keys.hasNext(); ) {
      String key = keys.next();
      if (!key.startsWith("map.")) {
        break;
      }
      Map<String, String> config = DataUtils.parseMap(meta.get(key));
      if ("rtree".equals(config.get("type")) && config.get("name") != null) {
        store.openMap(config.get("name"), new MVRTreeMap.Builder<VersionedValue<Value>>()
            .valueType(new VersionedValueType<Value, Object>(NullValueDataType.INSTANCE)));
      }
    }
  }

  /** The {@code .mv.db} file of an embedded H2 URL ({@code jdbc:h2:file:…}, {@code jdbc:h2:./…}, {@code ~/…}). */
  static Optional<Path> storeFile(String jdbcUrl) {
    if (jdbcUrl == null || !jdbcUrl.regionMatches(true, 0, "jdbc:h2:", 0, 8)) {
      return Optional.empty();
    }
    String rest = jdbcUrl.substring(8);
    int semicolon = rest.indexOf(';');
    String name = semicolon < 0 ? rest : rest.substring(0, semicolon);
    String settings = semicolon < 0 ? "" : rest.substring(semicolon).toUpperCase(Locale.ROOT);
    if (settings.contains(";CIPHER=") || settings.contains(";ACCESS_MODE_DATA=R")) {
      return Optional.empty();
    }
    if (name.regionMatches(true, 0, "file:", 0, 5)) {
      name = name.substring(5);
    } else if (name.matches("(?i)[a-z][a-z0-9]+:.*")) {
      return Optional.empty(); // mem:, tcp:, ssl:, zip:, nio…: not a plain embedded file
    }
    if (name.isBlank()) {
      return Optional.empty();
    }
    if (name.startsWith("~")) {
      name = System.getProperty("user.home") + name.substring(1);
    }
    return Optional.of(Path.of(name + ".mv.db"));
  }
}
