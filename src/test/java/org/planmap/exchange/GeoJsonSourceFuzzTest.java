package org.planmap.exchange;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Any bytes uploaded as a {@code .geojson}: a preview or a 4xx refusal, never another failure. */
class GeoJsonSourceFuzzTest {
  @FuzzTest
  void upload(byte[] geojson) throws Exception {
    ImportFuzzing.upload(geojson, "plan.geojson");
  }
}
