package org.planmap.exchange;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature on its way out: id, values by field key (typed columns, JSON columns as JSON text, free
 * attributes as scalars or JSON text) and its stored geometry (EPSG:4326 lon/lat, may be null).
 */
public record ExportRow(String id, Map<String, Object> values, Geometry geometry) {}
