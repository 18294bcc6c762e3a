package org.planmap.exchange;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any bytes uploaded as a {@code .zip} (the seeds are zips of uncompressed entries: shapefile sets, GeoJSON, KML,
 * a field table): a preview or a 4xx refusal, never another failure.
 */
class UploadUnpackerFuzzTest {
  @FuzzTest
  void upload(byte[] zip) throws Exception {
    ImportFuzzing.upload(zip, "upload.zip");
  }
}
