package org.planmap.security;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.planmap.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** User administration: accounts, roles and territory grants. */
@Service
public class AdminService {
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.-]{3,64}");
  private static final int MIN_PASSWORD = 10;
  private final UserStore users;
  private final PasswordEncoder encoder;

  public AdminService(UserStore users, PasswordEncoder encoder) {
    this.users = users;
    this.encoder = encoder;
  }

  /** A new account. */
  public record NewUser(String username, String password, Role role, Set<String> grants) {}

  /** An account as the admin sees it. */
  public record UserView(String username, Role role, boolean enabled, Set<String> grants) {}

  public List<UserView> list() {
    return users.all().stream().map(a -> new UserView(a.username(), a.role(), a.enabled(), users.grants(a.username())))
        .toList();
  }

  @Transactional
  public UserView create(NewUser u) {
    if (u.username() == null || !USERNAME.matcher(u.username()).matches()) {
      throw ApiException.badRequest("user name must be 3-64 letters, digits, '.', '_' or '-'");
    }
    if (u.password() == null || u.password().length() < MIN_PASSWORD) {
      throw ApiException.badRequest("password must have at least " + MIN_PASSWORD + " characters");
    }
    if (u.role() == null) {
      throw ApiException.badRequest("role must be one of VIEWER, PLANNER, ADMIN");
    }
    if (users.find(u.username()).isPresent()) {
      throw new ApiException(HttpStatus.CONFLICT, "User exists", "there is already a user '" + u.username() + "'");
    }
    Set<String> grants = checkedGrants(u.grants());
    users.insert(u.username(), encoder.encode(u.password()), u.role());
    users.replaceGrants(u.username(), grants);
    return new UserView(u.username(), u.role(), true, grants);
  }

  @Transactional
  public UserView grant(String username, Set<String> adcodes) {
    UserStore.Account a = users.find(username).orElseThrow(() -> ApiException.notFound("there is no user '" + username + "'"));
    Set<String> grants = checkedGrants(adcodes);
    users.replaceGrants(username, grants);
    return new UserView(a.username(), a.role(), a.enabled(), grants);
  }

  @Transactional
  public void delete(String username, String currentUser) {
    if (username.equals(currentUser)) {
      throw ApiException.badRequest("you cannot delete your own account");
    }
    if (users.delete(username) == 0) {
      throw ApiException.notFound("there is no user '" + username + "'");
    }
  }

  private Set<String> checkedGrants(Set<String> adcodes) {
    Set<String> grants = adcodes == null ? Set.of() : Set.copyOf(adcodes);
    Set<String> unknown = users.unknownAdcodes(grants);
    if (!unknown.isEmpty()) {
      throw ApiException.badRequest("unknown territories " + unknown + "; grants are county-level adcodes such as 654027");
    }
    return grants;
  }
}
