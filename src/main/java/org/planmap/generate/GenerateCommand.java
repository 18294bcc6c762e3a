package org.planmap.generate;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The command {@code java -jar planmap.jar --planmap.generate.parcels=N}: runs after start-up (the plans are
 * loaded by then), writes the parcels and, unless {@code planmap.generate.exit=false}, stops Planmap.
 */
@Component
public class GenerateCommand implements ApplicationRunner {
  private final GenerateProperties config;
  private final ParcelGenerator generator;
  private final ConfigurableApplicationContext context;

  public GenerateCommand(GenerateProperties config, ParcelGenerator generator, ConfigurableApplicationContext context) {
    this.config = config;
    this.generator = generator;
    this.context = context;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (config.parcels() <= 0) {
      return;
    }
    generator.generate(config.parcels(), config.seed(), config.batch(), config.park());
    if (config.exit()) {
      System.exit(SpringApplication.exit(context, () -> 0));
    }
  }
}
