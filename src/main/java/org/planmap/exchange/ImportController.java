package org.planmap.exchange;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Imports under {@code /api/exchange/imports}: {@code POST} a file (multipart field {@code file}, with
 * {@code collection}, optional {@code encoding} and {@code crs}) to get a preview; {@code POST /{id}/commit} with
 * the mapping to write it as a background job (see {@code /api/exchange/jobs/{id}}); {@code DELETE /{id}} to drop it.
 * All writes are POST/DELETE so a security filter can guard them.
 */
@RestController
@RequestMapping("/api/exchange/imports")
public class ImportController {
  private final ImportService imports;

  public ImportController(ImportService imports) {
    this.imports = imports;
  }

  @PostMapping(consumes = "multipart/form-data")
  public ImportPreview upload(@RequestParam(name = "file", required = false) MultipartFile file, ImportUpload request,
      Authentication auth) {
    return imports.upload(file, request, auth);
  }

  @GetMapping("/{id}")
  public ImportPreview preview(@PathVariable String id, Authentication auth) {
    return imports.preview(id, auth);
  }

  @PostMapping("/{id}/commit")
  public ResponseEntity<JobView> commit(@PathVariable String id, @RequestBody ImportCommit commit,
      Authentication auth) {
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(imports.commit(id, commit, auth));
  }

  @DeleteMapping("/{id}")
  public ResponseEntity<Void> discard(@PathVariable String id, Authentication auth) {
    imports.discard(id, auth);
    return ResponseEntity.noContent().build();
  }
}
