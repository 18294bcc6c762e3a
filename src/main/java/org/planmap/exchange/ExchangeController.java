package org.planmap.exchange;

import java.nio.charset.StandardCharsets;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Export and background jobs under {@code /api/exchange}: {@code GET /export?collection=…} streams a file;
 * {@code POST /exports} starts the same as a job; {@code /jobs/{id}} shows progress, {@code /jobs/{id}/file}
 * downloads, {@code DELETE /jobs/{id}} cancels.
 */
@RestController
@RequestMapping("/api/exchange")
public class ExchangeController {
  private final ExportService exports;
  private final ExchangeJobs jobs;

  public ExchangeController(ExportService exports, ExchangeJobs jobs) {
    this.exports = exports;
    this.jobs = jobs;
  }

  @GetMapping("/export")
  public ResponseEntity<StreamingResponseBody> export(ExportRequest request) {
    Download d = exports.download(request);
    return ResponseEntity.ok().headers(attachment(d.fileName(), d.mediaType())).body(d.body());
  }

  @PostMapping("/exports")
  public ResponseEntity<JobView> startExport(@RequestBody ExportRequest request, Authentication auth) {
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(exports.start(request, auth));
  }

  @GetMapping("/jobs/{id}")
  public JobView job(@PathVariable String id) {
    return JobView.of(jobs.get(id));
  }

  @DeleteMapping("/jobs/{id}")
  public JobView cancel(@PathVariable String id, Authentication auth) {
    return JobView.of(jobs.cancel(id, auth));
  }

  @GetMapping("/jobs/{id}/file")
  public ResponseEntity<Resource> file(@PathVariable String id) {
    ExchangeJob j = JobFiles.ready(jobs.get(id));
    return ResponseEntity.ok().headers(attachment(j.fileName(), j.mediaType())).body(new FileSystemResource(j.file()));
  }

  static HttpHeaders attachment(String fileName, String mediaType) {
    HttpHeaders h = new HttpHeaders();
    h.setContentType(MediaType.parseMediaType(mediaType));
    h.setContentDisposition(ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build());
    return h;
  }
}
