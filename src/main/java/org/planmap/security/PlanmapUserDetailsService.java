package org.planmap.security;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Signs users in from the {@code app_user} table. */
@Service
public class PlanmapUserDetailsService implements UserDetailsService {
  private final UserStore users;

  public PlanmapUserDetailsService(UserStore users) {
    this.users = users;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    UserStore.Account a = users.find(username).orElseThrow(() -> new UsernameNotFoundException(username));
    return User.withUsername(a.username()).password(a.passwordHash()).roles(a.role().name())
        .disabled(!a.enabled()).build();
  }
}
