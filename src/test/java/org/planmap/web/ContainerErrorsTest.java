package org.planmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.planmap.support.H2gisStore;
import org.planmap.support.RawHttp;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Requests the servlet container itself refuses, or used to (raw brackets, quotes, spaces in the request line, broken
 * headers), sent over a plain socket as a hand-typed address or an old client would: every answer is a 4xx in
 * problem JSON with plain words, never Tomcat's HTML page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContainerErrorsTest {
  @LocalServerPort
  int port;

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    H2gisStore.register(registry);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '¦', quoteCharacter = '\'', textBlock = """
      bbox pasted as a JSON array    ¦ GET /ogcapi/collections/parcels/items?bbox=[86,41,87,42] HTTP/1.1 ¦ 400 ¦ bbox
      braces and a pipe in a query   ¦ GET /ogcapi/collections/parcels/items?plan={korla}|x HTTP/1.1    ¦ 400 ¦ plan
      a quote in the query           ¦ GET /ogcapi/collections/parcels/items?q="x" HTTP/1.1              ¦ 400 ¦ percent-encoded
      angle brackets in the query    ¦ GET /ogcapi/collections?<script> HTTP/1.1                         ¦ 400 ¦ percent-encoded
      a raw space in the address     ¦ GET /ogcapi/coll ections HTTP/1.1                                 ¦ 400 ¦ percent-encoded
      a bracket in the path          ¦ GET /ogcapi/collections/[parcels] HTTP/1.1                        ¦ 400 ¦ percent-encoded
      a header name with a space     ¦ GET /ogcapi HTTP/1.1\\r\\nBad Header: 1                           ¦ 400 ¦ header
      a broken escape after a ;  ¦ GET /tiles/;%EF%BF%BD%EF%BF%BD%,%00%07 HTTP/1.1                 ¦ 400 ¦ address
      """)
  void refusedAsProblemJson(String name, String requestLine, int status, String words) throws Exception {
    String head = requestLine.replace("\\r\\n", "\r\n") + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    RawHttp.Response r = RawHttp.send(port, head);
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.header("Content-Type")).as(r.body()).startsWith("application/problem+json");
    assertThat(r.body()).contains("\"status\":" + status).containsIgnoringCase(words)
        .doesNotContain("<html", "Tomcat", "Exception", "at org.");
  }
}
