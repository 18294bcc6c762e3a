package org.planmap.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Security settings (prefix {@code planmap.security}).
 *
 * @param anonymousRead whether people who are not signed in may read maps and data
 * @param initialAdminPassword password of the {@code admin} account made on first start; empty means a random one,
 *     printed once to the log
 * @param editToleranceDegrees how far (degrees, ~1 km at 0.01) an edit may reach past the granted territories'
 *     outlines, which the boundary data quantizes to ~100 m
 */
@ConfigurationProperties("planmap.security")
public record SecuritySettings(
    @DefaultValue("true") boolean anonymousRead,
    @DefaultValue("") String initialAdminPassword,
    @DefaultValue("0.01") double editToleranceDegrees) {}
