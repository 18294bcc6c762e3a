package org.planmap.security;

import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * On the first start (no accounts at all) makes the {@code admin} account. Its password is the configured one, or a
 * random one printed once — there is never a fixed default password.
 */
@Component
public class AdminBootstrap implements SmartInitializingSingleton {
  private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
  private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  private final UserStore users;
  private final PasswordEncoder encoder;
  private final SecuritySettings settings;

  public AdminBootstrap(UserStore users, PasswordEncoder encoder, SecuritySettings settings) {
    this.users = users;
    this.encoder = encoder;
    this.settings = settings;
  }

  @Override
  public void afterSingletonsInstantiated() {
    if (users.count() > 0) {
      return;
    }
    boolean random = settings.initialAdminPassword().isBlank();
    String password = random ? randomPassword() : settings.initialAdminPassword();
    users.insert("admin", encoder.encode(password), Role.ADMIN);
    if (random) {
      String line = "Planmap first start: account 'admin' created with password " + password
          + " (shown once; change it or create your own admin)";
      log.warn(line);
      System.out.println(line);
    } else {
      log.info("Planmap first start: account 'admin' created with the configured initial password");
    }
  }

  static String randomPassword() {
    SecureRandom random = new SecureRandom();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }
}
