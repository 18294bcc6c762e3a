package org.planmap.exchange;

/** A job as the API shows it; {@code download} is set once an export's file is ready. */
public record JobView(String id, String kind, String status, long done, long total, int percent, String message,
    Integer errorStatus, String download, Object result) {

  static JobView of(ExchangeJob j) {
    long total = j.progress().total();
    long done = j.progress().done();
    int percent = j.status() == ExchangeJob.Status.DONE ? 100 : total <= 0 ? 0 : (int) Math.min(99, done * 100 / total);
    boolean ready = j.status() == ExchangeJob.Status.DONE && j.file() != null;
    return new JobView(j.id(), j.kind(), j.status().name().toLowerCase(), done, total, percent, j.message(),
        j.errorStatus() == 0 ? null : j.errorStatus(), ready ? "/api/exchange/jobs/" + j.id() + "/file" : null,
        j.result());
  }
}
