package org.planmap.exchange;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.planmap.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Background jobs (exports, imports): a small thread pool, progress, cancellation, and the finished file or
 * result kept for {@code planmap.exchange.job-retention-minutes}. Jobs live in memory: a restart forgets them.
 */
@Component
public class ExchangeJobs implements DisposableBean {
  private static final Logger log = LoggerFactory.getLogger(ExchangeJobs.class);
  private final Map<String, ExchangeJob> jobs = new ConcurrentHashMap<>();
  private final ExecutorService pool;
  private final ExchangeProperties props;

  /** The work of a job; it reports through the job's progress and may set its file or result. */
  @FunctionalInterface
  public interface Work {
    void run(ExchangeJob job) throws Exception;
  }

  public ExchangeJobs(ExchangeProperties props) {
    this.props = props;
    this.pool = Executors.newFixedThreadPool(Math.max(1, props.jobThreads()), r -> {
      Thread t = new Thread(r, "exchange-job");
      t.setDaemon(true);
      return t;
    });
  }

  public ExchangeJob submit(String kind, Work work) {
    return submit(kind, null, work);
  }

  /** Submits a job of a user (null: someone not signed in), who may cancel it. */
  public ExchangeJob submit(String kind, String owner, Work work) {
    return submit(kind, UUID.randomUUID().toString().replace("-", "").substring(0, 16), owner, work);
  }

  /** Submits a job under a given id (an import keeps its upload's id, which its rows carry). */
  public ExchangeJob submit(String kind, String id, String owner, Work work) {
    purge();
    ExchangeJob job = new ExchangeJob(id, kind, owner);
    jobs.put(job.id(), job);
    pool.submit(() -> run(job, work));
    return job;
  }

  private void run(ExchangeJob job, Work work) {
    if (job.progress().cancelled()) {
      job.end(ExchangeJob.Status.CANCELLED, "cancelled before it started", 0);
      return;
    }
    job.start();
    try {
      work.run(job);
      job.end(ExchangeJob.Status.DONE, null, 0);
    } catch (CancellationException e) {
      job.end(ExchangeJob.Status.CANCELLED, "cancelled; nothing was stored", 0);
    } catch (ApiException e) {
      job.end(ExchangeJob.Status.FAILED, e.getMessage(), e.status().value());
    } catch (Exception e) {
      log.error("exchange job {} failed", job.id(), e);
      job.end(ExchangeJob.Status.FAILED, "the job could not be completed; the error has been logged", 500);
    }
  }

  public ExchangeJob get(String id) {
    ExchangeJob job = jobs.get(id);
    if (job == null) {
      throw ApiException.notFound("there is no job '" + id + "' (finished jobs are kept "
          + props.jobRetentionMinutes() + " minutes)");
    }
    return job;
  }

  /** Cancels a job: one started by a signed-in user only by them or an administrator. */
  public ExchangeJob cancel(String id, Authentication auth) {
    ExchangeJob job = get(id);
    if (!mayUse(job.owner(), auth)) {
      throw new ApiException(HttpStatus.FORBIDDEN, "Not allowed", "this job was started by another user; only they or"
          + " an administrator may cancel it").with("code", "not_your_job");
    }
    job.progress().cancel();
    return job;
  }

  /** Whether a user may use what {@code owner} made: anyone if nobody signed in made it, else the owner or an admin. */
  static boolean mayUse(String owner, Authentication auth) {
    if (owner == null) {
      return true;
    }
    boolean signedIn = auth != null && !(auth instanceof AnonymousAuthenticationToken) && auth.isAuthenticated();
    return signedIn && (owner.equals(auth.getName())
        || auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN")));
  }

  /** A folder of the job's own for its files. */
  public Path folder(ExchangeJob job) throws java.io.IOException {
    Path dir = props.work().resolve("job-" + job.id());
    Files.createDirectories(dir);
    return dir;
  }

  private void purge() {
    Instant limit = Instant.now().minus(Duration.ofMinutes(props.jobRetentionMinutes()));
    jobs.values().removeIf(j -> {
      boolean old = j.finished() != null && j.finished().isBefore(limit);
      if (old) {
        WorkFiles.deleteTree(props.work().resolve("job-" + j.id()));
      }
      return old;
    });
  }

  @Override
  public void destroy() {
    jobs.values().forEach(j -> j.progress().cancel());
    pool.shutdownNow();
    try {
      pool.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // jobs live in memory only: their files go with them
    jobs.keySet().forEach(id -> WorkFiles.deleteTree(props.work().resolve("job-" + id)));
  }
}
