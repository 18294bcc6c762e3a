package org.planmap.exchange;

import org.planmap.web.ApiException;
import org.springframework.http.HttpStatus;

/** Checks that a job has a file to download, with a clear word when it has not (yet). */
final class JobFiles {
  private JobFiles() {}

  static ExchangeJob ready(ExchangeJob j) {
    if (j.status() == ExchangeJob.Status.DONE && j.file() != null) {
      return j;
    }
    String why = switch (j.status()) {
      case QUEUED, RUNNING -> "the export is still running (" + JobView.of(j).percent() + "%); try again when it is done";
      case CANCELLED -> "the export was cancelled";
      case FAILED -> "the export failed: " + j.message();
      default -> "this job has no file to download";
    };
    throw new ApiException(HttpStatus.CONFLICT, "No file", why);
  }
}
