package org.planmap.exchange;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Import and export limits (prefix {@code planmap.exchange}); each is documented in the README.
 *
 * @param workDir folder for uploads, exports being built and finished job files (default: the system temp folder)
 * @param maxUploadBytes largest file accepted for import
 * @param maxExpandedBytes largest total size a zip may expand to
 * @param maxCompressionRatio largest expanded/compressed ratio of a zip entry (zip bombs compress 1000:1 and more)
 * @param maxZipEntries most entries a zip may hold
 * @param maxImportFeatures most features one import may write
 * @param previewRows sample rows shown in an import preview
 * @param jobThreads background jobs that run at once (more wait in a queue)
 * @param jobRetentionMinutes how long a finished job and its file are kept
 */
@ConfigurationProperties("planmap.exchange")
public record ExchangeProperties(
    @DefaultValue("") String workDir,
    @DefaultValue("209715200") long maxUploadBytes,
    @DefaultValue("1073741824") long maxExpandedBytes,
    @DefaultValue("200") int maxCompressionRatio,
    @DefaultValue("2000") int maxZipEntries,
    @DefaultValue("1000000") int maxImportFeatures,
    @DefaultValue("5") int previewRows,
    @DefaultValue("2") int jobThreads,
    @DefaultValue("60") int jobRetentionMinutes) {

  public Path work() {
    return workDir == null || workDir.isBlank() ? Path.of(System.getProperty("java.io.tmpdir"), "planmap-exchange")
        : Path.of(workDir);
  }
}
