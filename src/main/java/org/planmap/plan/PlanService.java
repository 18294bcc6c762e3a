package org.planmap.plan;

import java.util.List;
import org.planmap.geo.BBox;
import org.planmap.ogcapi.FeatureStore;
import org.planmap.web.ApiException;
import org.springframework.stereotype.Service;

/** Plans with the extent of their territory, so a client can fit the map to a plan. */
@Service
public class PlanService {
  private final PlanRepository repository;
  private final FeatureStore features;

  public PlanService(PlanRepository repository, FeatureStore features) {
    this.repository = repository;
    this.features = features;
  }

  /** A plan and the lon/lat extent of its territory. */
  public record PlanSummary(PlanRecord plan, double[] bbox) {}

  public List<PlanSummary> summaries() {
    return repository.findAll().stream().map(this::summarize).toList();
  }

  public PlanSummary summary(String planId) {
    return summarize(find(planId));
  }

  public List<Indicator> indicators(String planId) {
    find(planId);
    return repository.indicators(planId);
  }

  private PlanRecord find(String planId) {
    return repository.findById(planId).orElseThrow(() -> ApiException.notFound(
        "there is no plan '" + planId + "'; known plans are listed at /api/plans"));
  }

  private PlanSummary summarize(PlanRecord p) {
    BBox extent = features.extent(PlanCollections.TERRITORIES, p.id());
    return new PlanSummary(p, extent == null ? null : extent.toArray());
  }
}
