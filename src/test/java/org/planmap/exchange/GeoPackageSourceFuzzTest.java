package org.planmap.exchange;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Any bytes uploaded as a {@code .gpkg}: a preview or a 4xx refusal, never another failure. */
class GeoPackageSourceFuzzTest {
  @FuzzTest
  void upload(byte[] gpkg) throws Exception {
    ImportFuzzing.upload(gpkg, "plan.gpkg");
  }
}
