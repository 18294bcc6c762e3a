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
  private final PlanReportService reports;

  public PlanController(PlanService plans, PlanReportService reports) {
    this.plans = plans;
    this.reports = reports;
  }

  @GetMapping
  public List<PlanService.PlanSummary> list() {
    return plans.summaries();
  }

  @GetMapping("/{planId}")
  public PlanService.PlanSummary one(@PathVariable String planId) {
    return plans.summary(planId);
  }

  @GetMapping("/{planId}/report")
  public PlanReport report(@PathVariable String planId) {
    return reports.report(planId);
  }

  @GetMapping("/{planId}/indicators")
  public Map<String, Object> indicators(@PathVariable String planId) {
    return Map.of("plan", planId, "indicators", plans.indicators(planId));
  }
}
