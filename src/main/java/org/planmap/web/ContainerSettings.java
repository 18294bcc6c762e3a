package org.planmap.web;

import java.util.Arrays;
import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The servlet container leaves every refusal to Planmap, so that each answers problem JSON: addresses with an encoded
 * '/' or '\' pass through to the security firewall (which refuses them in plain words) instead of getting Tomcat's
 * own HTML error page. Query strings may hold the characters browsers send unencoded ({@code [ ] { } | ^}, as in a
 * pasted {@code bbox=[86,41,87,42]}), so that Planmap reads them and answers; what Tomcat still refuses (quotes,
 * spaces, control characters in the request line) is answered by {@link ProblemErrorValve} as problem JSON.
 */
@Configuration
public class ContainerSettings {
  @Bean
  TomcatConnectorCustomizer encodedSlashesReachTheFirewall() {
    return connector -> {
      connector.setEncodedSolidusHandling("passthrough");
      connector.setEncodedReverseSolidusHandling("passthrough");
      connector.setProperty("relaxedQueryChars", "[]{}|^");
    };
  }

  /**
   * Replaces the host's error report valve(s) (Tomcat's default, and the one Spring Boot adds) with
   * {@link ProblemErrorValve}, once the host has added its own and before the application starts.
   */
  @Bean
  TomcatContextCustomizer containerErrorsAsProblemJson() {
    return context -> context.addLifecycleListener(event -> {
      if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
        Container host = context.getParent();
        if (host instanceof StandardHost h) {
          h.setErrorReportValveClass(ProblemErrorValve.class.getName());
        }
        for (Valve v : host.getPipeline().getValves()) {
          if (v instanceof ErrorReportValve && !(v instanceof ProblemErrorValve)) {
            host.getPipeline().removeValve(v);
          }
        }
        if (Arrays.stream(host.getPipeline().getValves()).noneMatch(ProblemErrorValve.class::isInstance)) {
          host.getPipeline().addValve(new ProblemErrorValve());
        }
      }
    });
  }
}
