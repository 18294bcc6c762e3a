package org.planmap.web;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The servlet container leaves every refusal to Planmap, so that each answers problem JSON: addresses with an encoded
 * '/' or '\' pass through to the security firewall (which refuses them in plain words) instead of getting Tomcat's
 * own HTML error page.
 */
@Configuration
public class ContainerSettings {
  @Bean
  TomcatConnectorCustomizer encodedSlashesReachTheFirewall() {
    return connector -> {
      connector.setEncodedSolidusHandling("passthrough");
      connector.setEncodedReverseSolidusHandling("passthrough");
    };
  }
}
