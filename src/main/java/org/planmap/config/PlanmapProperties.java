package org.planmap.config;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Planmap's own settings (prefix {@code planmap}); defaults live here, documented in the README.
 *
 * @param geodataDir folder of the data shipped with Planmap, loaded at start-up
 * @param ogcapi OGC API - Features paging
 * @param basemaps optional XYZ basemaps offered by the web map (none by default: it must work offline)
 */
@ConfigurationProperties("planmap")
public record PlanmapProperties(
    @DefaultValue("./geodata") Path geodataDir,
    @DefaultValue OgcApi ogcapi,
    @DefaultValue List<Basemap> basemaps) {

  /**
   * @param defaultLimit items per page when the client asks for none
   * @param maxLimit larger limits are clamped to this (not an error, as OGC API - Features requires)
   */
  public record OgcApi(@DefaultValue("10") int defaultLimit, @DefaultValue("10000") int maxLimit) {}

  /**
   * An XYZ tile basemap. Use only WGS84/CGCS2000-aligned sources (OpenStreetMap, Tianditu with a key); GCJ-02
   * tiles (Gaode, Tencent, Baidu) are offset by hundreds of metres and must not be configured.
   */
  public record Basemap(String name, String url, String attribution, @DefaultValue("18") int maxZoom) {}
}
