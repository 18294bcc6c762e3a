package org.planmap.exchange;

import org.planmap.geo.BBox;
import org.planmap.plan.CollectionSpec;

/** Which features of a collection to export: optionally those of one plan, territory, park and bbox (CRS84). */
public record ExportFilter(CollectionSpec collection, String plan, String territory, String park, BBox bbox) {}
