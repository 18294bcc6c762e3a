package org.planmap.security;

/** What a signed-in user may do: read, edit within granted territories, or administer users. */
public enum Role {
  VIEWER,
  PLANNER,
  ADMIN
}
