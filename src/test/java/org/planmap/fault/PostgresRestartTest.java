package org.planmap.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.planmap.generate.ParcelGenerator;
import org.planmap.load.LoadDriver;
import org.planmap.load.LoadStats;
import org.planmap.support.ApiTest;
import org.planmap.support.PrivatePostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * PostgreSQL restarted, then stopped for 5 s, under load, on a private cluster: every answer meanwhile is either what
 * was asked for or 503 problem JSON without stack trace or SQL (never 500, never no answer), and once the database is
 * back every request succeeds again, without restarting Planmap.
 */
class PostgresRestartTest extends ApiTest {
  static final double SECONDS = 40;
  /** Time Planmap may take, after the database is back, until every request succeeds again. */
  static final long RECOVERY_NANOS = 5_000_000_000L;
  static PrivatePostgres pg;

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    pg = PrivatePostgres.start();
    registry.add("spring.datasource.url", pg::url);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
  }

  @AfterAll
  static void stopPostgres() {
    if (pg != null) {
      pg.close();
    }
  }

  @Autowired ParcelGenerator generator;

  @Test
  void restartAndOutageAnswer503AndRecover() throws Exception {
    generator.generate(3000, 42, 1000);
    LoadDriver driver = new LoadDriver("http://127.0.0.1:" + port, "admin:test-admin-password", 20,
        Duration.ofSeconds(60), null).setUp();
    LoadStats stats = new LoadStats();
    CompletableFuture<LoadStats> load = CompletableFuture.supplyAsync(() -> {
      try {
        return driver.run(SECONDS, stats);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    Thread.sleep(5000);
    pg.restart();
    long restarted = stats.now();
    Thread.sleep(8000);
    long stopping = stats.now();
    pg.stop();
    Thread.sleep(5000);
    pg.startAgain();
    long back = stats.now();
    load.get();
    System.out.printf("PostgresRestartTest: restart done at %.1f s, stop at %.1f s, back at %.1f s%n%s",
        restarted / 1e9, stopping / 1e9, back / 1e9, stats.report(SECONDS));

    List<LoadStats.Answer> all = stats.answers();
    assertThat(all.stream().filter(a -> a.sample() != null && (a.status() != 503 || a.badBody())))
        .as("answers other than success or 503 problem JSON").isEmpty();
    assertThat(all.stream().filter(a -> a.status() == 503 && a.startNanos() >= stopping && a.endNanos() <= back))
        .as("the outage was seen").isNotEmpty();
    List<LoadStats.Answer> after = all.stream().filter(a -> a.startNanos() > back + RECOVERY_NANOS).toList();
    assertThat(after).as("requests after recovery").isNotEmpty();
    assertThat(after.stream().filter(a -> a.sample() != null)).as("failures after recovery").isEmpty();
    assertThat(after.stream().map(LoadStats.Answer::kind)).contains("items", "tiles");
  }
}
