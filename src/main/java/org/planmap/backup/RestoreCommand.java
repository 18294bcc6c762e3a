package org.planmap.backup;

import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The command {@code java -jar planmap.jar --planmap.backup.restore=backup.gpkg}: restores the backup after
 * start-up (for files larger than an upload may be) and stops Planmap, with exit code 0 when it was restored and
 * 1, after saying why, when it was not (nothing is changed then).
 */
@Component
public class RestoreCommand implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(RestoreCommand.class);
  private final BackupProperties config;
  private final BackupService backups;
  private final ConfigurableApplicationContext context;

  public RestoreCommand(BackupProperties config, BackupService backups, ConfigurableApplicationContext context) {
    this.config = config;
    this.backups = backups;
    this.context = context;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (config.restore().isBlank()) {
      return;
    }
    Path file = Path.of(config.restore());
    int code;
    try {
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("there is no file " + file.toAbsolutePath());
      }
      BackupService.RestoreReport r = backups.restore(file, file.getFileName().toString(), config.replace());
      String line = "Planmap restore: " + file + " (made " + r.createdAt() + " by Planmap " + r.planmapVersion()
          + " on " + r.store() + ") restored: " + r.rows();
      log.info(line);
      System.out.println(line);
      code = 0;
    } catch (Exception e) {
      String line = "Planmap restore of " + file + " refused, nothing was changed: " + e.getMessage();
      log.error(line);
      System.err.println(line);
      code = 1;
    }
    int exit = code;
    System.exit(SpringApplication.exit(context, () -> exit));
  }
}
