package org.planmap.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * What a load run saw: every answer by kind and status, latency percentiles per kind (HdrHistogram, µs), the answers
 * that were errors, and a time line of every request for the fault tests.
 */
public final class LoadStats {
  /** One answer: when it was sent (ns since the run began), its kind, status (-1: no answer) and whether its body was bad. */
  public record Answer(long startNanos, long endNanos, String kind, int status, boolean badBody, String sample) {}

  private final long t0 = System.nanoTime();
  private final Map<String, Histogram> latency = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();

  /** Nanoseconds since these stats began. */
  public long now() {
    return System.nanoTime() - t0;
  }

  void record(String kind, long start, int status, boolean ok, String contentType, String body) {
    long end = now();
    latency.computeIfAbsent(kind, k -> new ConcurrentHistogram(60_000_000L, 3)).recordValue(
        Math.min(60_000_000L, Math.max(1, (end - start) / 1000)));
    counts.computeIfAbsent(kind + " " + status, k -> new AtomicLong()).incrementAndGet();
    boolean bad = !ok && !problemBody(status, contentType, body);
    answers.add(new Answer(start, end, kind, status, bad, ok ? null : abbreviate(body)));
  }

  /**
   * A refused or failed answer must be RFC 7807 problem JSON in plain words: no stack trace, no SQL, no driver
   * message.
   */
  static boolean problemBody(int status, String contentType, String body) {
    if (status < 0) {
      return false;
    }
    String b = body == null ? "" : body;
    return contentType != null && contentType.startsWith("application/problem+json") && !b.contains("Exception")
        && !b.contains("\tat ") && !b.contains(".java:") && !b.matches("(?s).*\\b(SELECT|INSERT|UPDATE|DELETE) .*")
        && !b.contains("PSQL") && !b.contains("org.postgresql") && !b.contains("org.h2");
  }

  private static String abbreviate(String s) {
    return s == null ? null : s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }

  public List<Answer> answers() {
    return new ArrayList<>(answers);
  }

  /** Answers that were not what the request should get (non-2xx/204 or no answer at all). */
  public List<Answer> errors() {
    return answers.stream().filter(a -> a.sample() != null || a.status() < 0).toList();
  }

  public long requests() {
    return answers.size();
  }

  public double p(String kind, double percentile) {
    Histogram h = latency.get(kind);
    return h == null ? Double.NaN : h.getValueAtPercentile(percentile) / 1000.0;
  }

  /** Everything in one report, per kind: requests, statuses, p50/p95/p99/max in ms. */
  public String report(double seconds) {
    StringBuilder s = new StringBuilder();
    s.append(String.format("requests %d in %.1f s (%.0f req/s), errors %d%n", requests(), seconds,
        requests() / seconds, errors().size()));
    for (Map.Entry<String, Histogram> e : new TreeMap<>(latency).entrySet()) {
      Histogram h = e.getValue();
      Map<String, Long> statuses = new TreeMap<>();
      counts.forEach((k, v) -> {
        if (k.startsWith(e.getKey() + " ")) {
          statuses.put(k.substring(e.getKey().length() + 1), v.get());
        }
      });
      s.append(String.format("%-8s %7d req  p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  max %7.1f ms  statuses %s%n",
          e.getKey(), h.getTotalCount(), h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(95) / 1000.0,
          h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0, statuses));
    }
    errors().stream().limit(5).forEach(a -> s.append("  error: ").append(a.kind()).append(' ').append(a.status())
        .append(' ').append(a.sample()).append('\n'));
    return s.toString();
  }
}
