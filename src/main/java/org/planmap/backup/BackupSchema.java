package org.planmap.backup;

import static org.planmap.backup.BackupColumn.bool;
import static org.planmap.backup.BackupColumn.geometry;
import static org.planmap.backup.BackupColumn.integer;
import static org.planmap.backup.BackupColumn.number;
import static org.planmap.backup.BackupColumn.text;
import static org.planmap.backup.BackupColumn.timestamp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.planmap.plan.CollectionSpec;
import org.planmap.plan.Column;
import org.planmap.plan.PlanCollections;

/**
 * Every table of Planmap's data, in the order a restore inserts them (plans before features, accounts before
 * grants). Feature tables follow {@link PlanCollections}; a backup refuses to run when the database has a column
 * this list does not know, so a new migration cannot silently leave data out of backups.
 */
public final class BackupSchema {
  /** The identity column whose sequence a restore moves past the restored ids. */
  public static final String HISTORY = "feature_history";

  private static final List<BackupTable> TABLES = tables();

  private BackupSchema() {}

  public static List<BackupTable> all() {
    return TABLES;
  }

  public static Optional<BackupTable> byName(String name) {
    return TABLES.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  private static List<BackupTable> tables() {
    List<BackupTable> out = new ArrayList<>();
    out.add(new BackupTable("plan", List.of("id"), List.of(text("id"), text("title"), text("issuer"),
        text("plan_date"), text("period"), text("territory_name"), text("territory_adcodes"), text("source_doc"),
        integer("source_line"), text("notes"), text("source_file"))));
    out.add(new BackupTable("indicator", List.of("id"), List.of(text("id"), text("plan_id"), text("name"),
        text("category"), text("unit"), text("base_year"), text("base_value"), text("targets"), text("nature"),
        text("source_doc"), integer("source_line"), text("source_text"), text("notes"), text("source_file"))));
    out.add(new BackupTable("geodata_file", List.of("path"), List.of(text("path"), text("sha256"),
        integer("features"), timestamp("loaded_at"))));
    for (CollectionSpec c : PlanCollections.all()) {
      out.add(features(c));
    }
    out.add(new BackupTable("app_user", List.of("username"), List.of(text("username"), text("password_hash"),
        text("role"), bool("enabled"), timestamp("created_at"))));
    out.add(new BackupTable("user_grant", List.of("username", "adcode"), List.of(text("username"), text("adcode"))));
    out.add(new BackupTable(HISTORY, List.of("id"), List.of(integer("id"), text("collection"), text("feature_id"),
        integer("version"), text("operation"), text("username"), timestamp("changed_at"), text("before_state"),
        text("after_state"))));
    return List.copyOf(out);
  }

  private static BackupTable features(CollectionSpec c) {
    List<BackupColumn> cols = new ArrayList<>(List.of(text("id"), text("plan_id")));
    for (Column col : c.columns()) {
      cols.add(switch (col.type()) {
        case INTEGER -> integer(col.name());
        case DOUBLE -> number(col.name());
        case BOOLEAN -> bool(col.name());
        default -> text(col.name());
      });
    }
    cols.add(text("attrs"));
    cols.add(text("source_file"));
    cols.add(integer("version"));
    if (c == PlanCollections.TERRITORIES) {
      cols.add(geometry("seat"));
    }
    cols.add(geometry(BackupTable.GEOMETRY));
    return new BackupTable(c.table(), List.of("id"), List.copyOf(cols));
  }
}
