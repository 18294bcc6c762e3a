package org.planmap.exchange;

import java.util.concurrent.CancellationException;

/** Progress of a long job, and its cancellation: {@link #step} throws once the job is cancelled. */
public class Progress {
  private volatile long total;
  private volatile long done;
  private volatile boolean cancelled;

  public static Progress none() {
    return new Progress();
  }

  void total(long n) {
    total = n;
  }

  void step() {
    if (cancelled) {
      throw new CancellationException("cancelled");
    }
    done++;
  }

  public void cancel() {
    cancelled = true;
  }

  public boolean cancelled() {
    return cancelled;
  }

  public long total() {
    return total;
  }

  public long done() {
    return done;
  }
}
