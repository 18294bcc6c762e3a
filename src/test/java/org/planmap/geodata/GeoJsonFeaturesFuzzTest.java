package org.planmap.geodata;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The start-up reader of {@code geodata/*.geojson}. It is not behind HTTP: a broken file must fail the load with
 * an {@link IllegalArgumentException} (or Jackson's error) naming the file and feature, which the loader reports
 * and rolls back; any other exception is a finding.
 */
class GeoJsonFeaturesFuzzTest {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  @FuzzTest
  void read(byte[] geojson) throws Exception {
    Path file = Files.createTempFile("planmap-fuzz-", ".geojson");
    try {
      Files.write(file, geojson);
      GeoJsonFeatures.read(file, JSON);
    } catch (IllegalArgumentException | JacksonException e) {
      if (e.getMessage() == null || !e.getMessage().contains(file.getFileName().toString())
          && e instanceof IllegalArgumentException) {
        throw new AssertionError("the message must name the file: " + e.getMessage(), e);
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
