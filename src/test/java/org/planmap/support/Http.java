package org.planmap.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small real HTTP client for tests against the running server. */
public final class Http {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final String base;
  private final HttpClient client;
  private final java.net.CookieManager cookies = new java.net.CookieManager();

  /** A client without cookies (each request stands alone). */
  public Http(int port) {
    this(port, false);
  }

  /** A client that keeps cookies, like a browser session, when {@code session} is true. */
  public Http(int port, boolean session) {
    this.base = "http://127.0.0.1:" + port;
    this.client = session ? HttpClient.newBuilder().cookieHandler(cookies).build() : HttpClient.newHttpClient();
  }

  /** The value of a cookie this session holds, or null. */
  public String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
        .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
  }

  public record Response(int status, String contentType, String body, String etag,
      java.net.http.HttpHeaders headers) {
    public JsonNode json() {
      return JSON.readTree(body);
    }

    /** The first value of a response header, or null. */
    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  public Response get(String path) {
    return get(path, "application/json");
  }

  public Response get(String path, String accept) {
    return send(HttpRequest.newBuilder(uri(path)).header("Accept", accept).GET());
  }

  /** A request with any method, a body (JSON unless a Content-Type header says otherwise; or null) and headers given as name, value, name, value… */
  public Response send(String method, String path, String jsonBody, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).method(method,
        jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody));
    boolean typed = false;
    for (int i = 0; i < headers.length; i += 2) {
      typed |= headers[i].equalsIgnoreCase("Content-Type");
    }
    if (jsonBody != null && !typed) {
      b.header("Content-Type", "application/json");
    }
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return send(b);
  }

  /** A request with any method, a body of bytes (or null) and headers given as name, value, name, value… */
  public Response sendBytes(String method, String path, byte[] body, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).method(method,
        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return send(b);
  }

  /** The boundary {@link #multipart} uses; its Content-Type is {@code multipart/form-data; boundary=} this. */
  public static final String BOUNDARY = "planmapTestBoundary7MA4YWxk";

  /** A multipart/form-data body: text fields (name, value, …) and one file in field {@code file}, or none if null. */
  public static byte[] multipart(String fileName, byte[] content, String... fields) {
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
    java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
    for (int i = 0; i + 1 < fields.length; i += 2) {
      b.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n\r\n"
          + fields[i + 1] + "\r\n").getBytes(utf8));
    }
    if (fileName != null) {
      b.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
          + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(utf8));
      b.writeBytes(content);
      b.writeBytes("\r\n".getBytes(utf8));
    }
    b.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(utf8));
    return b.toByteArray();
  }

  /** An {@code Authorization: Basic} header pair for {@link #send}. */
  public static String[] basic(String user, String password) {
    return new String[] {"Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
        (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8))};
  }

  private URI uri(String path) {
    return URI.create(path.startsWith("http") ? path : base + path);
  }

  private Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(),
          r.headers().firstValue("ETag").orElse(null), r.headers());
    } catch (IOException e) {
      throw new IllegalStateException("request failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
