package org.planmap.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.planmap.exchange.ExchangeProperties;
import org.planmap.web.ApiException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code GET /api/admin/backup} downloads everything as one GeoPackage; {@code POST /api/admin/restore} (multipart
 * field {@code file}, optional {@code replace=true}) restores one. Admins only (the {@code /api/admin/**} rule of
 * {@link org.planmap.security.SecurityConfig}).
 */
@RestController
@RequestMapping("/api/admin")
public class BackupController {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
  private final BackupService backups;
  private final ExchangeProperties exchange;

  public BackupController(BackupService backups, ExchangeProperties exchange) {
    this.backups = backups;
    this.exchange = exchange;
  }

  @GetMapping("/backup")
  public ResponseEntity<StreamingResponseBody> backup() {
    backups.checkSchema();
    String name = "planmap-backup-" + STAMP.format(ZonedDateTime.now(ZoneOffset.UTC)) + ".gpkg";
    HttpHeaders h = new HttpHeaders();
    h.setContentType(MediaType.parseMediaType("application/geopackage+sqlite3"));
    h.setContentDisposition(ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build());
    return ResponseEntity.ok().headers(h).body(backups::backup);
  }

  @PostMapping(path = "/restore", consumes = "multipart/form-data")
  public BackupService.RestoreReport restore(@RequestParam(name = "file", required = false) MultipartFile file,
      @RequestParam(name = "replace", defaultValue = "false") boolean replace) throws IOException {
    if (file == null || file.isEmpty()) {
      throw ApiException.badRequest("send the backup file as the multipart field 'file'");
    }
    Files.createDirectories(exchange.work());
    Path dir = Files.createTempDirectory(exchange.work(), "restore-");
    try {
      Path copy = dir.resolve("backup.gpkg");
      file.transferTo(copy);
      String name = file.getOriginalFilename() == null ? "the file" : file.getOriginalFilename();
      return backups.restore(copy, name, replace);
    } finally {
      BackupService.deleteTree(dir);
    }
  }
}
