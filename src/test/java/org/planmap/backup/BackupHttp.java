package org.planmap.backup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Bytes and multipart uploads against a running Planmap, as a given user (or anonymous when null). */
final class BackupHttp {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private final String base;

  BackupHttp(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  record Response(int status, String contentType, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  Response get(String path, String user, String password) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), user, password);
  }

  /** POSTs {@code content} as multipart field {@code file}, with extra text fields (name, value, …). */
  Response upload(String path, String user, String password, String fileName, byte[] content, String... fields) {
    String boundary = "planmapBackupBoundary3xk2";
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try {
      for (int i = 0; i + 1 < fields.length; i += 2) {
        b.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n\r\n"
            + fields[i + 1] + "\r\n").getBytes(StandardCharsets.UTF_8));
      }
      b.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
          + "\"\r\nContent-Type: application/geopackage+sqlite3\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      b.write(content);
      b.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(b.toByteArray())), user, password);
  }

  private static Response send(HttpRequest.Builder request, String user, String password) {
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
          (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    try {
      HttpResponse<byte[]> r = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
