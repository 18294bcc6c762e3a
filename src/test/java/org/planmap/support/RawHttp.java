package org.planmap.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 over a plain socket, for requests a client library would refuse or re-encode (raw brackets, quotes or
 * spaces in the request line, broken headers): the request head is sent as given.
 */
public final class RawHttp {
  private RawHttp() {}

  /** The status line's code, the headers (lower-case names) and the body as text. */
  public record Response(int status, Map<String, String> headers, String body) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** {@code GET target} with the target exactly as given. */
  public static Response get(int port, String target) throws IOException {
    return send(port, "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: */*\r\nConnection: close\r\n\r\n");
  }

  /** Sends {@code head} (request line and headers, ending in an empty line) and reads the whole answer. */
  public static Response send(int port, String head) throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(60_000);
      OutputStream out = s.getOutputStream();
      out.write(head.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = s.getInputStream();
      String[] status = line(in).split(" ");
      Map<String, String> headers = new TreeMap<>();
      for (String h; !(h = line(in)).isEmpty(); ) {
        int colon = h.indexOf(':');
        if (colon > 0) {
          headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
        }
      }
      String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return new Response(status.length > 1 ? Integer.parseInt(status[1]) : -1, headers, body);
    }
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int c; (c = in.read()) >= 0 && c != '\n'; ) {
      if (c != '\r') {
        line.write(c);
      }
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }
}
