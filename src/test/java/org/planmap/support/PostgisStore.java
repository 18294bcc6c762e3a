package org.planmap.support;

import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a Spring test context at this run's PostGIS database. Call from a {@code @DynamicPropertySource}. */
public final class PostgisStore {
  private PostgisStore() {}

  public static void register(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", PostgisDatabase::url);
    registry.add("spring.datasource.username", PostgisDatabase::user);
    registry.add("spring.datasource.password", () -> "");
    // Spring keeps up to 32 test contexts alive at once, each with its own pool: pools that keep only one idle
    // connection stay under PostgreSQL's 100 connections ("too many clients already" otherwise).
    registry.add("spring.datasource.hikari.minimum-idle", () -> "1");
    registry.add("spring.datasource.hikari.idle-timeout", () -> "10000");
  }
}
