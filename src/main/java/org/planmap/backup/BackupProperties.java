package org.planmap.backup;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The restore command (prefix {@code planmap.backup}); documented in the README.
 *
 * @param restore a backup GeoPackage to restore at start-up, then stop (empty: none)
 * @param replace whether that restore may replace data made by users (otherwise only a fresh instance accepts it)
 */
@ConfigurationProperties("planmap.backup")
public record BackupProperties(@DefaultValue("") String restore, @DefaultValue("false") boolean replace) {}
