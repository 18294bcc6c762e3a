package org.planmap.security;

import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the browser is signed in as (anonymous: {@code signedIn=false}), and what they may edit. */
@RestController
public class MeController {
  private final UserStore users;

  public MeController(UserStore users) {
    this.users = users;
  }

  public record Me(boolean signedIn, String username, String role, Set<String> grants) {}

  @GetMapping("/api/me")
  public Me me(Authentication auth) {
    if (auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getPrincipal())) {
      return new Me(false, null, null, Set.of());
    }
    String role = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).findFirst().orElse(null);
    return new Me(true, auth.getName(), role, users.grants(auth.getName()));
  }
}
