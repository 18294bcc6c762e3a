package org.planmap.geodata;

import java.util.Locale;
import java.util.Optional;
import org.planmap.plan.CollectionSpec;
import org.planmap.plan.PlanCollections;

/**
 * A file under the geodata folder and what it holds, told from its path alone (so a removed file can be
 * unloaded too): {@code boundaries/*.geojson|shp}, {@code plans/<plan>/plan.json}, {@code .../indicators.json},
 * {@code plans/<plan>/<collection>.geojson|shp}.
 */
public record GeodataFile(String path, Kind kind, String planId, CollectionSpec collection) {
  public enum Kind { BOUNDARIES, PLAN, INDICATORS, FEATURES }

  /** Order of loading: boundaries before plans, plans before what refers to them. */
  public int order() {
    return kind.ordinal();
  }

  /** Classifies a path relative to the geodata folder ({@code /}-separated); empty for files Planmap ignores. */
  public static Optional<GeodataFile> classify(String path) {
    String[] parts = path.split("/");
    String lower = path.toLowerCase(Locale.ROOT);
    boolean features = lower.endsWith(".geojson") || lower.endsWith(".shp");
    if (parts.length == 2 && parts[0].equals("boundaries") && features) {
      return Optional.of(new GeodataFile(path, Kind.BOUNDARIES, null, PlanCollections.TERRITORIES));
    }
    if (parts.length != 3 || !parts[0].equals("plans")) {
      return Optional.empty();
    }
    String plan = parts[1];
    String name = parts[2];
    if (name.equals("plan.json")) {
      return Optional.of(new GeodataFile(path, Kind.PLAN, plan, null));
    }
    if (name.equals("indicators.json")) {
      return Optional.of(new GeodataFile(path, Kind.INDICATORS, plan, null));
    }
    if (!features) {
      return Optional.empty();
    }
    String collection = name.substring(0, name.lastIndexOf('.'));
    return PlanCollections.byId(collection).map(spec -> new GeodataFile(path, Kind.FEATURES, plan, spec));
  }
}
