package org.planmap.edit;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.planmap.plan.CollectionSpec;

/** Collection-specific checks of an edit, run on the server before anything is stored (422 on failure). */
public interface EditRules {
  boolean appliesTo(CollectionSpec collection);

  /**
   * Checks the edit and completes its properties (e.g. a computed area, the plan of the parent park).
   *
   * @param id the feature's id (new or existing)
   * @param properties mutable: the properties that will be stored
   */
  void check(CollectionSpec collection, String id, Geometry geometry, Map<String, Object> properties);
}
