package org.planmap.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.planmap.web.ApiException;
import org.springframework.stereotype.Service;

/** Builds the data report of a plan from what is loaded. */
@Service
public class PlanReportService {
  /** Words the digitizers use when a note records a contradiction or a typo in the text. */
  private static final Pattern CONTRADICTION = Pattern.compile(
      "(?i)contradict|conflict|inconsisten|disagree|\\bvs\\.?\\b|typo|misprint|variant|spelled|spelling|"
          + "differ|mismatch|implausib|矛盾|不一致|笔误|错字");
  private final PlanRepository repository;

  public PlanReportService(PlanRepository repository) {
    this.repository = repository;
  }

  public PlanReport report(String planId) {
    PlanRecord plan = repository.findById(planId).orElseThrow(() -> ApiException.notFound(
        "there is no plan '" + planId + "'; known plans are listed at /api/plans"));
    Map<String, PlanReport.Counts> counts = new LinkedHashMap<>();
    List<PlanReport.Item> unlocated = new ArrayList<>();
    List<PlanReport.Item> aliases = new ArrayList<>();
    List<PlanReport.Item> notes = new ArrayList<>();
    for (CollectionSpec c : PlanCollections.all()) {
      Map<String, Integer> byAccuracy = new TreeMap<>();
      List<PlanRepository.ReportRow> rows = repository.reportRows(c, planId);
      for (PlanRepository.ReportRow r : rows) {
        byAccuracy.merge(r.positionAccuracy(), 1, Integer::sum);
        PlanReport.Item item = new PlanReport.Item(c.id(), r.id(), r.name(), r.sourceLine(), r.aliases(), r.notes(),
            r.notes() != null && CONTRADICTION.matcher(r.notes()).find());
        if ("unlocated".equals(r.positionAccuracy())) {
          unlocated.add(item);
        }
        if (!r.aliases().isEmpty()) {
          aliases.add(item);
        }
        if (r.notes() != null && !r.notes().isBlank()) {
          notes.add(item);
        }
      }
      counts.put(c.id(), new PlanReport.Counts(rows.size(), byAccuracy));
    }
    return new PlanReport(plan, counts, repository.indicators(planId).size(), unlocated, aliases, notes);
  }
}
