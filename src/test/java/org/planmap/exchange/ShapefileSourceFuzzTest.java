package org.planmap.exchange;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A shapefile set: the input is the {@code .shp}, {@code .shx}, {@code .dbf}, {@code .prj} and {@code .cpg} one
 * after the other, separated by {@link #SEPARATOR} (an empty part leaves that file out). Mutations thus reach each
 * file directly, which a zip would hide. The set is zipped and uploaded: a preview or a 4xx refusal.
 */
class ShapefileSourceFuzzTest {
  static final byte[] SEPARATOR = "#PART#".getBytes(StandardCharsets.US_ASCII);
  static final String[] PARTS = {"shp", "shx", "dbf", "prj", "cpg"};

  @FuzzTest
  void upload(byte[] set) throws Exception {
    Map<String, byte[]> files = new LinkedHashMap<>();
    int start = 0;
    for (int part = 0; part < PARTS.length && start <= set.length; part++) {
      int end = indexOf(set, start);
      byte[] content = java.util.Arrays.copyOfRange(set, start, end < 0 ? set.length : end);
      if (content.length > 0) {
        files.put("parcels." + PARTS[part], content);
      }
      start = end < 0 ? set.length + 1 : end + SEPARATOR.length;
    }
    ImportFuzzing.upload(ImportFuzzing.storedZip(files), "parcels.zip");
  }

  static int indexOf(byte[] data, int from) {
    outer:
    for (int i = from; i <= data.length - SEPARATOR.length; i++) {
      for (int j = 0; j < SEPARATOR.length; j++) {
        if (data[i + j] != SEPARATOR[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
