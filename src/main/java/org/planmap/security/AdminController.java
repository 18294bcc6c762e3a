package org.planmap.security;

import java.security.Principal;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** User administration (admins only, see {@link SecurityConfig}). */
@RestController
@RequestMapping("/api/admin/users")
public class AdminController {
  private final AdminService admin;

  public AdminController(AdminService admin) {
    this.admin = admin;
  }

  /** The territories granted to a planner. */
  public record Grants(Set<String> adcodes) {}

  @GetMapping
  public List<AdminService.UserView> list() {
    return admin.list();
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  public AdminService.UserView create(@RequestBody AdminService.NewUser user) {
    return admin.create(user);
  }

  @PutMapping("/{username}/grants")
  public AdminService.UserView grant(@PathVariable String username, @RequestBody Grants grants) {
    return admin.grant(username, grants.adcodes());
  }

  @DeleteMapping("/{username}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void delete(@PathVariable String username, Principal me) {
    admin.delete(username, me.getName());
  }
}
