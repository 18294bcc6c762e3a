package org.planmap.tiles;

import org.locationtech.jts.geom.Envelope;
import org.planmap.plan.CollectionSpec;

/**
 * Published (Spring {@code ApplicationEventPublisher}) by code that inserts, updates or deletes a feature, inside
 * or outside its transaction. The tile cache evicts exactly the cached tiles the two envelopes touch, once the
 * transaction commits.
 *
 * @param collection the feature's collection
 * @param id the feature id
 * @param before lon/lat envelope of the geometry before the change, or null (insert, or no geometry)
 * @param after lon/lat envelope of the geometry after the change, or null (delete, or no geometry)
 */
public record FeatureChanged(CollectionSpec collection, String id, Envelope before, Envelope after) {}
