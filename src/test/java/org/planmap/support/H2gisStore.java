package org.planmap.support;

import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a Spring test context at a fresh in-memory H2GIS database of its own. */
public final class H2gisStore {
  private H2gisStore() {}

  public static void register(DynamicPropertyRegistry registry) {
    String name = "planmap_" + Long.toHexString(System.nanoTime());
    // H2 waits 1 s for a table lock by default, which readers behind writers exceed under load on two cores
    registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
    registry.add("spring.datasource.username", () -> "sa");
    registry.add("spring.datasource.password", () -> "");
  }
}
