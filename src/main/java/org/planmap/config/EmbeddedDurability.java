package org.planmap.config;

import javax.sql.DataSource;
import org.planmap.geo.Dialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Makes every commit on the embedded H2GIS store reach the database file before it is acknowledged. H2 by default
 * writes commits to the file up to 500 ms later ({@code WRITE_DELAY}), so a killed process (kill -9, OOM killer)
 * lost the last acknowledged edits; {@code WRITE_DELAY 0} writes the store on every commit. (It is written to the
 * operating system, not fsynced: a power cut may still lose the last instant.) What a killed process leaves
 * unfinished in the file is ended by {@link EmbeddedRecovery} on the next start.
 */
@Component
class EmbeddedDurability implements InitializingBean {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedDurability.class);
  private final DataSource dataSource;

  EmbeddedDurability(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void afterPropertiesSet() {
    if (Dialect.of(dataSource) == Dialect.H2GIS) {
      new JdbcTemplate(dataSource).execute("SET WRITE_DELAY 0");
      log.debug("embedded store: WRITE_DELAY 0");
    }
  }
}
