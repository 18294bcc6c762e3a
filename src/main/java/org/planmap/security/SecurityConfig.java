package org.planmap.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.planmap.web.DatabaseUnavailable;
import org.planmap.web.ProblemAdvice;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may do what. Reading is open unless {@code planmap.security.anonymous-read=false}; editing needs a planner (and
 * {@link TerritoryGuard} checks the territory); user administration needs an admin. Browsers sign in with a session
 * (HttpOnly, SameSite=Strict cookie) and send the CSRF token from the {@code XSRF-TOKEN} cookie; API clients may use
 * HTTP Basic, which carries no ambient credentials and so needs no CSRF token. Failures are problem JSON.
 */
@Configuration
public class SecurityConfig {
  /** Scripts and styles only from Planmap itself; tiles of configured basemaps may come from elsewhere. */
  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' data: https: http:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
      + "frame-ancestors 'none'; form-action 'self'";

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http, SecuritySettings settings) throws Exception {
    http.authorizeHttpRequests(a -> {
      a.requestMatchers("/actuator/health", "/actuator/health/**", "/api/me", "/login", "/logout").permitAll();
      a.requestMatchers("/api/admin/**").hasRole(Role.ADMIN.name());
      a.requestMatchers("/api/exchange/imports", "/api/exchange/imports/**")
          .hasAnyRole(Role.PLANNER.name(), Role.ADMIN.name());
      a.requestMatchers(HttpMethod.POST, "/api/edit/**").hasAnyRole(Role.PLANNER.name(), Role.ADMIN.name());
      a.requestMatchers(HttpMethod.PUT, "/api/edit/**").hasAnyRole(Role.PLANNER.name(), Role.ADMIN.name());
      a.requestMatchers(HttpMethod.DELETE, "/api/edit/**").hasAnyRole(Role.PLANNER.name(), Role.ADMIN.name());
      if (settings.anonymousRead()) {
        a.requestMatchers(HttpMethod.GET, "/**").permitAll();
        a.requestMatchers(HttpMethod.HEAD, "/**").permitAll();
        // an export is a read, run as a background job
        a.requestMatchers(HttpMethod.POST, "/api/exchange/exports").permitAll();
        a.requestMatchers(HttpMethod.DELETE, "/api/exchange/jobs/*").permitAll();
      } else {
        a.requestMatchers(HttpMethod.GET, "/", "/index.html", "/css/**", "/js/**", "/vendor/**", "/webjars/**",
            "/favicon.svg", "/exchange.html", "/report.html").permitAll();
      }
      a.anyRequest().authenticated();
    });
    http.headers(h -> h
        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
        .referrerPolicy(r -> r.policy(
            org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
        .frameOptions(f -> f.deny()));
    http.csrf(c -> c.spa().ignoringRequestMatchers(r -> r.getHeader("Authorization") != null));
    // the accounts are in the database: when it cannot be reached, sign-in answers 503, not "wrong password"
    http.httpBasic(b -> b.authenticationEntryPoint((req, res, e) -> {
      if (!unavailable(res, e)) {
        problem(res, HttpStatus.UNAUTHORIZED, "Sign-in required", "please sign in to do this");
      }
    }));
    http.formLogin(f -> f.loginProcessingUrl("/login")
        .successHandler((req, res, auth) -> res.setStatus(HttpStatus.NO_CONTENT.value()))
        .failureHandler((req, res, e) -> {
          if (!unavailable(res, e)) {
            problem(res, HttpStatus.UNAUTHORIZED, "Sign-in failed", "wrong user name or password");
          }
        }));
    http.logout(l -> l.logoutUrl("/logout")
        .logoutSuccessHandler((req, res, auth) -> res.setStatus(HttpStatus.NO_CONTENT.value())));
    http.exceptionHandling(e -> e
        .authenticationEntryPoint((req, res, ex) ->
            problem(res, HttpStatus.UNAUTHORIZED, "Sign-in required", "please sign in to do this"))
        .accessDeniedHandler((req, res, ex) -> {
          var auth = SecurityContextHolder.getContext().getAuthentication();
          if (auth == null || auth instanceof AnonymousAuthenticationToken) {
            problem(res, HttpStatus.UNAUTHORIZED, "Sign-in required", "please sign in to do this");
          } else {
            problem(res, HttpStatus.FORBIDDEN, "Not allowed",
                "your account may not do this (a missing or expired CSRF token also ends here: reload the page)");
          }
        }));
    return http.build();
  }

  private static boolean unavailable(HttpServletResponse res, Exception e) throws IOException {
    if (!DatabaseUnavailable.is(e)) {
      return false;
    }
    res.setHeader("Retry-After", "5");
    problem(res, HttpStatus.SERVICE_UNAVAILABLE, "Database unavailable", ProblemAdvice.UNAVAILABLE);
    return true;
  }

  static void problem(HttpServletResponse res, HttpStatus status, String title, String detail) throws IOException {
    res.setStatus(status.value());
    res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    res.setCharacterEncoding("UTF-8");
    res.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status.value()
        + ",\"detail\":\"" + detail + "\"}");
  }
}
