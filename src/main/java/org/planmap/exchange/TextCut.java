package org.planmap.exchange;

import java.nio.charset.Charset;

/** Cuts text to a byte budget in an encoding, always between characters (never inside one). */
final class TextCut {
  private TextCut() {}

  static int bytes(String s, Charset cs) {
    return s.getBytes(cs).length;
  }

  /** The longest prefix of {@code s} whose encoding fits in {@code maxBytes}. */
  static String cut(String s, int maxBytes, Charset cs) {
    if (s.length() * 4 <= maxBytes || bytes(s, cs) <= maxBytes) {
      return s;
    }
    int used = 0;
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      int n = Character.charCount(cp);
      int b = bytes(s.substring(i, i + n), cs);
      if (used + b > maxBytes) {
        break;
      }
      used += b;
      i += n;
    }
    return s.substring(0, i);
  }
}
