package org.planmap;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Planmap: a web GIS for regional development plans. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PlanmapApplication {
  public static void main(String[] args) {
    SpringApplication.run(PlanmapApplication.class, args);
  }
}
