package org.planmap.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Planmap's own settings (prefix {@code planmap}); defaults live here, documented in the README.
 *
 * @param geodataDir folder of the data shipped with Planmap, loaded at start-up
 * @param ogcapi OGC API - Features paging
 */
@ConfigurationProperties("planmap")
public record PlanmapProperties(
    @DefaultValue("./geodata") Path geodataDir,
    @DefaultValue OgcApi ogcapi) {

  /**
   * @param defaultLimit items per page when the client asks for none
   * @param maxLimit larger limits are clamped to this (not an error, as OGC API - Features requires)
   */
  public record OgcApi(@DefaultValue("10") int defaultLimit, @DefaultValue("10000") int maxLimit) {}
}
