package org.planmap.plan;

import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Plans and their indicator tables, for the web map (features themselves come through /ogcapi). */
@RestController
@RequestMapping("/api/plans")
public class PlanController {
  private final PlanService plans;

  public PlanController(PlanService plans) {
    this.plans = plans;
  }

  @GetMapping
  public List<PlanService.PlanSummary> list() {
    return plans.summaries();
  }

  @GetMapping("/{planId}")
  public PlanService.PlanSummary one(@PathVariable String planId) {
    return plans.summary(planId);
  }

  @GetMapping("/{planId}/indicators")
  public Map<String, Object> indicators(@PathVariable String planId) {
    return Map.of("plan", planId, "indicators", plans.indicators(planId));
  }
}
