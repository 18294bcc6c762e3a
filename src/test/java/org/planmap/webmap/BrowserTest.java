package org.planmap.webmap;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Base of the browser tests: Planmap on a fresh in-memory H2GIS store with the shipped data and a known first admin,
 * and one headless Chromium per test class. Each test class gets a server and database of its own (no test sees another's
 * parcels).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "planmap.security.initial-admin-password=layout-admin-password")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class BrowserTest {
  protected static HeadlessChromium browser;
  protected static ChromeDriver driver;

  @LocalServerPort
  protected int port;

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry r) {
    org.planmap.support.H2gisStore.register(r);
  }

  @BeforeAll
  static void startBrowser() throws IOException {
    browser = new HeadlessChromium();
    driver = browser.driver;
  }

  @AfterAll
  static void stopBrowser() throws IOException {
    if (browser != null) {
      browser.close();
    }
  }
}
