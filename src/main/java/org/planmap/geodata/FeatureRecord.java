package org.planmap.geodata;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/** One feature as read from a geodata file: its id, its properties as the file states them, its geometry. */
public record FeatureRecord(String id, Map<String, Object> properties, Geometry geometry) {}
