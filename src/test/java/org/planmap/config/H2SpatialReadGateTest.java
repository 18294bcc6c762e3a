package org.planmap.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The gate against H2's spatial-index read defect: readers query through the spatial index while writers commit
 * rows in the same area. With the gate no read fails; without it H2 re-runs the reads until its lock timeout
 * ("Timeout trying to lock table"), which is printed, not asserted (it depends on timing).
 */
class H2SpatialReadGateTest {

  @Test
  void classifiesStatements() {
    assertThat(H2SpatialReadGate.spatialRead("SELECT id FROM parcel WHERE geom && ST_MakeEnvelope(1,2,3,4,4326)"))
        .isTrue();
    assertThat(H2SpatialReadGate.spatialRead("SELECT id FROM parcel WHERE id = ?")).isFalse();
    assertThat(H2SpatialReadGate.spatialRead("DELETE FROM parcel WHERE geom && ?")).isFalse();
    assertThat(H2SpatialReadGate.write("  select 1")).isFalse();
    assertThat(H2SpatialReadGate.write("INSERT INTO parcel VALUES (1)")).isTrue();
    assertThat(H2SpatialReadGate.write("UPDATE parcel SET far = 1")).isTrue();
    assertThat(H2SpatialReadGate.write(null)).isTrue();
    assertThat(H2SpatialReadGate.write("SHUTDOWN")).isFalse();
    assertThat(H2SpatialReadGate.write("CREATE TABLE x (a INT)")).isFalse();
  }

  @Test
  void spatialReadsNeverFailWhileOthersCommitInTheSameArea() throws Exception {
    int withoutGate = failedReads(false);
    int withGate = failedReads(true);
    System.out.println("H2 spatial reads failed while others committed: without the gate " + withoutGate
        + ", with the gate " + withGate);
    assertThat(withGate).isZero();
  }

  private static int failedReads(boolean gate) throws Exception {
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl("jdbc:h2:mem:gate" + gate + System.nanoTime() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=300");
    pool.setMaximumPoolSize(8);
    DataSource ds = gate ? (DataSource) new H2SpatialReadGate().postProcessAfterInitialization(pool, "dataSource")
        : pool;
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE p (id BIGINT AUTO_INCREMENT PRIMARY KEY, geom GEOMETRY(POLYGON, 4326))");
      s.execute("CREATE SPATIAL INDEX p_geom ON p (geom)");
      s.execute("INSERT INTO p (geom) SELECT CAST('SRID=4326;POLYGON((' || x || ' 0, ' || (x + 0.5) || ' 0, '"
          + " || (x + 0.5) || ' 0.5, ' || x || ' 0.5, ' || x || ' 0))' AS GEOMETRY) FROM SYSTEM_RANGE(1, 20000) t(x)");
    }
    AtomicInteger failed = new AtomicInteger(), done = new AtomicInteger(), written = new AtomicInteger();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    ExecutorService pool4 = Executors.newFixedThreadPool(6);
    List<Future<?>> all = new ArrayList<>();
    for (int w = 0; w < 3; w++) {
      all.add(pool4.submit(() -> {
        while (System.nanoTime() < end) {
          try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
              "INSERT INTO p (geom) VALUES (CAST(? AS GEOMETRY))")) {
            double x = 1 + ThreadLocalRandom.current().nextDouble() * 20000;
            ps.setString(1, "SRID=4326;POLYGON((" + x + " 0, " + (x + 0.1) + " 0, " + (x + 0.1) + " 0.1, " + x
                + " 0.1, " + x + " 0))");
            ps.executeUpdate();
            written.incrementAndGet();
          }
        }
        return null;
      }));
    }
    for (int r = 0; r < 3; r++) {
      all.add(pool4.submit(() -> {
        while (System.nanoTime() < end) {
          try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
              "SELECT COUNT(*), MAX(id) FROM p WHERE geom && CAST('SRID=4326;POLYGON((0 -1, 20002 -1, 20002 1, 0 1,"
                  + " 0 -1))' AS GEOMETRY)");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            done.incrementAndGet();
          } catch (SQLException e) {
            if (failed.incrementAndGet() == 1) {
              System.out.println("first failed read (gate " + gate + "): " + e.getMessage());
            }
          }
        }
        return null;
      }));
    }
    for (Future<?> f : all) {
      f.get();
    }
    pool4.shutdown();
    pool.close();
    System.out.println("gate " + gate + ": " + done + " spatial reads, " + failed + " failed, " + written
        + " commits in 3 s");
    return failed.get();
  }
}
