package org.planmap.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.planmap.generate.ParcelGenerator;
import org.planmap.generate.ParcelWriter;
import org.planmap.support.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The short version of {@code bash bench/load.sh}: 50 clients for 5 s on items, tiles and edits over a few thousand
 * generated parcels; not one error. Latencies are printed, never asserted.
 */
abstract class LoadContract extends ApiTest {
  @Autowired ParcelGenerator generator;
  @Autowired JdbcTemplate jdbc;

  /** The PostGIS suites share one database: leave no generated parcels behind (other suites count parcels). */
  @AfterEach
  void cleanUp() {
    jdbc.update("DELETE FROM parcel WHERE source_file = ?", ParcelWriter.SOURCE);
  }

  @Test
  void fiftyClientsGetNoError() throws Exception {
    generator.generate(3000, 42, 1000);
    LoadDriver driver = new LoadDriver("http://127.0.0.1:" + port, "admin:test-admin-password", 50,
        Duration.ofSeconds(60), null).setUp();
    LoadStats stats = driver.run(5);
    System.out.println(getClass().getSimpleName() + "\n" + stats.report(5));
    assertThat(stats.errors()).as(stats.report(5)).isEmpty();
    assertThat(stats.requests()).isPositive();
    assertThat(stats.answers()).extracting(LoadStats.Answer::kind).contains("items", "tiles", "create");
  }
}
