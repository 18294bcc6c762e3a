package org.planmap.exchange;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Any bytes uploaded as a {@code .kml}: a preview or a 4xx refusal, never another failure. */
class KmlSourceFuzzTest {
  @FuzzTest
  void upload(byte[] kml) throws Exception {
    ImportFuzzing.upload(kml, "plan.kml");
  }
}
