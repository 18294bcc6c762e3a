package org.planmap.plan;

import java.util.List;
import java.util.Map;

/**
 * What a plan's digitization holds: counts per collection and accuracy, the items without a position, the names
 * with aliases, and every note (those recording contradictions or typos flagged).
 */
public record PlanReport(
    PlanRecord plan,
    Map<String, Counts> collections,
    int indicators,
    List<Item> unlocated,
    List<Item> aliases,
    List<Item> notes) {

  /** Features of one collection, in total and by position accuracy. */
  public record Counts(int total, Map<String, Integer> byAccuracy) {}

  /** A feature as the report lists it. */
  public record Item(String collection, String id, String name, Integer sourceLine, List<String> aliases,
      String notes, boolean contradiction) {}
}
