package org.planmap.exchange;

import java.util.Map;

/**
 * How to write a previewed upload: the plan the features belong to (optional), the field mapping (file field →
 * a column of the collection, {@code attrs:<name>} to keep it as a free attribute, or empty to leave it out;
 * fields not named keep the suggested target), the {@code kind} for features whose file gives none, and whether
 * invalid geometries may be repaired.
 */
public record ImportCommit(String plan, Map<String, String> mapping, String kind, Boolean repair) {}
