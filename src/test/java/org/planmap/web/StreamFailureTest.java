package org.planmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.planmap.support.H2gisStore;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A streamed download (an export, a backup) whose source fails after the first bytes were sent — the database lost
 * midway, a bug — must reach the client as a failed transfer, never as a complete-looking 200 file that is silently
 * cut short. The failing stream here is a test endpoint; exports and backups stream the same way.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StreamFailureTest {
  @LocalServerPort
  int port;

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    H2gisStore.register(registry);
  }

  @TestConfiguration
  static class BrokenStream {
    @Bean
    BrokenStreamController brokenStreamController() {
      return new BrokenStreamController();
    }
  }

  @RestController
  static class BrokenStreamController {
    @GetMapping("/test-only/broken-stream")
    ResponseEntity<StreamingResponseBody> broken(String kind) {
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM).body((OutputStream out) -> {
        byte[] chunk = new byte[64 * 1024];
        for (int i = 0; i < 8; i++) {
          out.write(chunk);
          out.flush();
        }
        if ("database".equals(kind)) {
          throw new DataAccessResourceFailureException("connection lost (simulated)");
        }
        throw new IllegalStateException("a bug (simulated)");
      });
    }
  }

  @Test
  void aStreamThatFailsMidwayIsAFailedTransferForTheClient() throws Exception {
    for (String kind : new String[] {"database", "bug"}) {
      HttpClient client = HttpClient.newHttpClient();
      HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
          + "/test-only/broken-stream?kind=" + kind)).header("Authorization", basicAdmin()).build();
      boolean failed;
      long got = -1;
      try {
        HttpResponse<byte[]> r = client.send(get, HttpResponse.BodyHandlers.ofByteArray());
        got = r.body().length;
        failed = false;
      } catch (IOException e) {
        failed = true;
      }
      long received = got;
      assertThat(failed).as(kind + ": the client received a complete response of " + received + " bytes").isTrue();
    }
  }

  private static String basicAdmin() {
    return "Basic " + java.util.Base64.getEncoder().encodeToString("admin:test-admin-password".getBytes());
  }
}
