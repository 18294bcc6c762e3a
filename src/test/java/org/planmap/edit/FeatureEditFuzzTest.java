package org.planmap.edit;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.planmap.plan.PlanCollections;
import org.planmap.web.Fuzzing;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body of {@code POST/PUT /api/edit/{collection}} as Spring reads it (Jackson into {@link FeatureEdit}), then
 * its geometry through {@link GeometryRules#parse} for every editable collection, and the {@code If-Match} header
 * (the body's first line): a geometry or a 4xx refusal. (The whole edit, database included, is fuzzed over HTTP by
 * {@code web.HttpFuzzTest}.)
 */
class FeatureEditFuzzTest {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  @FuzzTest
  void parse(byte[] input) throws Exception {
    String text = new String(input, StandardCharsets.UTF_8);
    int nl = text.indexOf('\n');
    String ifMatch = nl < 0 ? text : text.substring(0, nl);
    Fuzzing.refusedOrAccepted(() -> EditController.version(ifMatch));
    FeatureEdit edit;
    try {
      edit = JSON.readValue(nl < 0 ? "" : text.substring(nl + 1), FeatureEdit.class);
    } catch (JacksonException e) {
      return; // Spring answers an unreadable body with 400
    }
    if (edit == null) {
      return;
    }
    for (String c : GeometryRules.editable()) {
      Fuzzing.refusedOrAccepted(() -> GeometryRules.parse(PlanCollections.byId(c).orElseThrow(), edit.geometry()));
    }
  }
}
