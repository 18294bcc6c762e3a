package org.planmap.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.planmap.plan.PlanCollections;
import org.planmap.web.Fuzzing;

/**
 * The small text parsers of import and export. The input's first character picks one, the rest is its text:
 * {@code 0} a {@code crs} parameter, {@code 1} a {@code .prj}, {@code 2} a {@code .cpg}, {@code 3} the {@code format}
 * and {@code encoding} parameters, {@code 4} a field mapping ({@code field=target} lines).
 */
class ExchangeParamsFuzzTest {
  private static final List<String> FIELDS = List.of("名称", "land_use_c", "容积率", "备注", "FAR", "name");

  @FuzzTest
  void parse(byte[] input) throws Exception {
    String all = new String(input, StandardCharsets.UTF_8);
    char which = all.isEmpty() ? '0' : all.charAt(0);
    String text = all.isEmpty() ? "" : all.substring(1);
    Fuzzing.refusedOrAccepted(() -> {
      switch (Math.floorMod(which - '0', 5)) {
        case 0 -> {
          ExchangeCrs crs = ExchangeCrs.parse(text);
          assertEquals(crs, ExchangeCrs.fromPrj(crs.prj()), "a CRS Planmap writes must be read back from its .prj");
        }
        case 1 -> ExchangeCrs.fromPrj(text);
        case 2 -> {
          String name = DbfEncoding.fromCpg(text);
          if (name != null) {
            Charset.forName(name);
          }
        }
        case 3 -> {
          ExportFormat.parse(text);
          ExportEncoding.parse(text).charset();
        }
        default -> ImportMapping.apply(PlanCollections.PARCELS,
            ImportMapping.suggest(PlanCollections.PARCELS, FIELDS, Map.of()), mapping(text));
      }
    });
  }

  private static Map<String, String> mapping(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : text.split("\n", -1)) {
      int eq = line.indexOf('=');
      out.put(eq < 0 ? line : line.substring(0, eq), eq < 0 ? null : line.substring(eq + 1));
    }
    return out;
  }
}
