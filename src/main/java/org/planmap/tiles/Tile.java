package org.planmap.tiles;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** An encoded tile and its strong entity tag (a digest of its bytes). */
public record Tile(byte[] bytes, String etag) {

  public static Tile of(byte[] bytes) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      String tag = Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27);
      return new Tile(bytes, "\"" + tag + "\"");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  public boolean isEmpty() {
    return bytes.length == 0;
  }

  /** Whether an {@code If-None-Match} header value names this tile (weak comparison, as RFC 9110 asks). */
  public boolean matches(String ifNoneMatch) {
    if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
      return false;
    }
    for (String candidate : ifNoneMatch.split(",")) {
      String c = candidate.trim();
      if (c.equals("*") || c.equals(etag) || c.equals("W/" + etag)) {
        return true;
      }
    }
    return false;
  }
}
