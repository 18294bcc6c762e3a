package org.planmap.backup;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.planmap.support.Http;

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
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "multipart/form-data; boundary=" + Http.BOUNDARY)
        .POST(HttpRequest.BodyPublishers.ofByteArray(Http.multipart(fileName, content, fields))), user, password);
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
