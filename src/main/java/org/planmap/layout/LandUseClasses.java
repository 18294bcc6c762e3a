package org.planmap.layout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The land-use code list of the 2023 用地用海分类 (land classes; the sea classes 18–22, 24 do not occur in parks). */
@Component
public class LandUseClasses {
  /** Colour of a class unknown to the list. */
  public static final String UNKNOWN_COLOR = "#9e9e9e";

  /**
   * One class: code, Chinese name, whether it counts as construction land (建设用地), and its map colour ({@code
   * #rrggbb}, the web map's parcel fill).
   */
  public record LandUse(String code, String name, boolean construction, String color) {
    /** The top-level class (first two digits). */
    public String topLevel() {
      return code.substring(0, 2);
    }
  }

  private final Map<String, LandUse> byCode = new LinkedHashMap<>();

  public LandUseClasses() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        getClass().getResourceAsStream("/layout/landuse-2023.tsv"), StandardCharsets.UTF_8))) {
      in.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(l -> {
        String[] f = l.split("\t");
        byCode.put(f[0], new LandUse(f[0], f[1], f[2].equals("1"), f.length > 3 ? f[3] : parentColor(f[0])));
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The colour of the nearest listed parent class (codes grow by two digits per level). */
  private String parentColor(String code) {
    for (int len = code.length() - 2; len >= 2; len -= 2) {
      LandUse parent = byCode.get(code.substring(0, len));
      if (parent != null) {
        return parent.color();
      }
    }
    return UNKNOWN_COLOR;
  }

  public Optional<LandUse> find(String code) {
    return Optional.ofNullable(code == null ? null : byCode.get(code.trim()));
  }

  public Collection<LandUse> all() {
    return byCode.values();
  }
}
