package org.planmap.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.planmap.web.ApiException;

/** Background jobs: progress, cancellation, failures in a planner's words, unknown ids. */
class ExchangeJobsTest {
  private final ExchangeProperties props = new ExchangeProperties("", 1, 1, 1, 1, 1, 1, 1, 60);

  @Test
  void aRunningJobReportsProgressAndStopsWhenCancelled() throws Exception {
    ExchangeJobs jobs = new ExchangeJobs(props);
    CountDownLatch started = new CountDownLatch(1);
    ExchangeJob job = jobs.submit("export", j -> {
      j.progress().total(1_000_000_000L);
      while (true) {
        j.progress().step();
        started.countDown();
        Thread.onSpinWait();
      }
    });
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(JobView.of(job).status()).isEqualTo("running");
    assertThat(jobs.cancel(job.id(), null).progress().cancelled()).isTrue();
    for (int i = 0; i < 200 && job.status() == ExchangeJob.Status.RUNNING; i++) {
      Thread.sleep(10);
    }
    JobView v = JobView.of(job);
    assertThat(v.status()).isEqualTo("cancelled");
    assertThat(v.done()).isPositive();
    assertThat(v.percent()).isBetween(0, 99);
    assertThat(v.download()).isNull();
    assertThatThrownBy(() -> JobFiles.ready(job)).hasMessageContaining("cancelled");
    jobs.destroy();
  }

  @Test
  void failuresKeepTheirStatusAndWordsAndUnknownJobsAre404() throws Exception {
    ExchangeJobs jobs = new ExchangeJobs(props);
    ExchangeJob job = jobs.submit("import", j -> {
      throw ApiException.badRequest("the file has no features");
    });
    for (int i = 0; i < 200 && job.finished() == null; i++) {
      Thread.sleep(10);
    }
    assertThat(JobView.of(job).status()).isEqualTo("failed");
    assertThat(JobView.of(job).errorStatus()).isEqualTo(400);
    assertThat(JobView.of(job).message()).isEqualTo("the file has no features");
    assertThatThrownBy(() -> jobs.get("nope")).isInstanceOf(ApiException.class).hasMessageContaining("no job");
    jobs.destroy();
  }
}
