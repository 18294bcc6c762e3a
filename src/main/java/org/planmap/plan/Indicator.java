package org.planmap.plan;

import java.util.Map;

/** One row of a plan's indicator table; values are kept as the text writes them. */
public record Indicator(
    String id, String planId, String name, String category, String unit, String baseYear, String baseValue,
    Map<String, String> targets, String nature, String sourceDoc, int sourceLine, String sourceText, String notes) {}
