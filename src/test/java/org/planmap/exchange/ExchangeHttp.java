package org.planmap.exchange;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.planmap.support.Http;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the exchange tests: bytes, JSON and multipart uploads. */
final class ExchangeHttp {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  static final JsonMapper JSON = JsonMapper.builder().build();
  private final String base;

  ExchangeHttp(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  record Response(int status, String contentType, byte[] body) {
    JsonNode json() {
      return JSON.readTree(body);
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  Response get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  Response delete(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
  }

  Response postJson(String path, Object body) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
  }

  /** POSTs one file as multipart/form-data field {@code file}, with extra text fields (name, value, …). */
  Response upload(String path, String fileName, byte[] content, String... fields) {
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "multipart/form-data; boundary=" + Http.BOUNDARY)
        .POST(HttpRequest.BodyPublishers.ofByteArray(Http.multipart(fileName, content, fields))));
  }

  private Response send(HttpRequest.Builder request) {
    try {
      // every exchange call as the first admin (password from src/test/resources/application.properties)
      request.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
          "admin:test-admin-password".getBytes(StandardCharsets.UTF_8)));
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
