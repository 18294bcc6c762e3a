package org.planmap.geodata;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.planmap.plan.Indicator;
import org.planmap.plan.PlanRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Reads {@code plan.json} and {@code indicators.json} (format in geodata/README.md). */
final class PlanFiles {
  private PlanFiles() {}

  static PlanRecord readPlan(Path file, String planId, ObjectMapper json) throws IOException {
    JsonNode n = json.readTree(file.toFile());
    List<String> adcodes = new ArrayList<>();
    n.path("territory_adcodes").forEach(a -> adcodes.add(a.asString()));
    if (adcodes.isEmpty() || text(n, "title") == null || text(n, "source_doc") == null) {
      throw new IllegalArgumentException(file + ": plan.json needs title, source_doc and territory_adcodes");
    }
    return new PlanRecord(planId, text(n, "title"), text(n, "issuer"), text(n, "date"), text(n, "period"),
        text(n, "territory_name"), adcodes, text(n, "source_doc"),
        n.path("source_line").isNumber() ? n.path("source_line").asInt() : null, text(n, "notes"));
  }

  static List<Indicator> readIndicators(Path file, String planId, ObjectMapper json) throws IOException {
    JsonNode root = json.readTree(file.toFile());
    JsonNode list = root.isArray() ? root : root.path("indicators");
    List<Indicator> out = new ArrayList<>();
    for (JsonNode n : list) {
      Map<String, String> targets = new LinkedHashMap<>();
      n.path("targets").properties().forEach(e -> targets.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asString()));
      if (text(n, "id") == null || text(n, "name") == null || !n.path("source_line").isNumber()) {
        throw new IllegalArgumentException(file + ": every indicator needs id, name and source_line");
      }
      out.add(new Indicator(text(n, "id"), planId, text(n, "name"), text(n, "category"), text(n, "unit"),
          text(n, "base_year"), text(n, "base_value"), targets, text(n, "nature"), text(n, "source_doc"),
          n.path("source_line").asInt(), text(n, "source_text"), text(n, "notes")));
    }
    return out;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.path(field);
    return v.isMissingNode() || v.isNull() ? null : v.asString();
  }
}
