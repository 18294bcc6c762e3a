package org.planmap.support;

import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a Spring test context at this run's PostGIS database. Call from a {@code @DynamicPropertySource}. */
public final class PostgisStore {
  private PostgisStore() {}

  public static void register(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", PostgisDatabase::url);
    registry.add("spring.datasource.username", PostgisDatabase::user);
    registry.add("spring.datasource.password", () -> "");
  }
}
