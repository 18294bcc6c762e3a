package org.planmap.edit;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The body of a create or update: a GeoJSON geometry (or null) and the feature's properties. For a new feature,
 * {@code plan} (and for a parcel {@code park_id}) say where it belongs.
 */
public record FeatureEdit(JsonNode geometry, Map<String, Object> properties) {}
