package org.planmap.generate;

/**
 * A place parcels are generated around: a park or a township/county seat of one of the plans, with the outline of
 * the plan's territory, which parcels must stay in.
 */
record Anchor(String plan, String parkId, String label, double lon, double lat, Territory territory) {}
