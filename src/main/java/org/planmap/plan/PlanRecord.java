package org.planmap.plan;

import java.util.List;

/** A plan as Planmap knows it: the document, its issuer and period, and the territory it covers. */
public record PlanRecord(
    String id, String title, String issuer, String date, String period, String territoryName,
    List<String> territoryAdcodes, String sourceDoc, Integer sourceLine, String notes) {}
