package org.planmap.webmap;

import java.util.List;
import org.planmap.config.PlanmapProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the browser map needs to know about this installation: its basemaps. */
@RestController
public class MapConfigController {
  private final PlanmapProperties properties;

  public MapConfigController(PlanmapProperties properties) {
    this.properties = properties;
  }

  public record MapConfig(List<PlanmapProperties.Basemap> basemaps) {}

  @GetMapping("/api/config")
  public MapConfig config() {
    return new MapConfig(properties.basemaps());
  }
}
