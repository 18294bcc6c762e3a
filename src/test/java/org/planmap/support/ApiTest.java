package org.planmap.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Base of the HTTP contract suites: the running server's port and a plain client. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ApiTest {
  @LocalServerPort
  protected int port;
  protected Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }
}
