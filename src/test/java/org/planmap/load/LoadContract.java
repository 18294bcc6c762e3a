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
 * generated parcels; not one error. Latencies are printed, never asserted. {@code -Dload.clients=N -Dload.seconds=S}
 * make it heavier when looking for trouble.
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
    int clients = Integer.getInteger("load.clients", 50), seconds = Integer.getInteger("load.seconds", 5);
    LoadDriver driver = new LoadDriver("http://127.0.0.1:" + port, "admin:test-admin-password", clients,
        Duration.ofSeconds(60), null).setUp();
    LoadStats stats = driver.run(seconds);
    System.out.println(getClass().getSimpleName() + "\n" + stats.report(seconds));
    assertThat(stats.errors()).as(stats.report(seconds)).isEmpty();
    assertThat(stats.requests()).isPositive();
    assertThat(stats.answers()).extracting(LoadStats.Answer::kind).contains("items", "tiles", "create");
  }
}
