package org.planmap.webmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Debian's chromedriver, both named explicitly so Selenium Manager never
 * downloads anything. Keeps the browser console and fails on any SEVERE entry; screenshots go to target/screenshots/.
 */
final class HeadlessChromium implements AutoCloseable {
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  final ChromeDriver driver;
  private final Path profile;

  HeadlessChromium() throws IOException {
    profile = Files.createTempDirectory("planmap-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1400,900", "--user-data-dir=" + profile);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
        .usingAnyFreePort()
        .build();
    driver = new ChromeDriver(service, options);
    Files.createDirectories(SCREENSHOTS);
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  Object asyncJs(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
  }

  WebDriverWait waiting(int seconds) {
    return new WebDriverWait(driver, Duration.ofSeconds(seconds));
  }

  /** Waits for the map's own mark that every layer of the plan is drawn. */
  void waitForRender(String plan, int seconds) {
    try {
      waiting(seconds).until(d -> plan.equals(js("return document.body.dataset.renderedPlan || null;")));
    } catch (RuntimeException e) {
      assertNoConsoleErrors();
      throw new AssertionError("the map did not render plan " + plan + "; page at " + driver.getCurrentUrl()
          + " shows plan " + js("return document.body.dataset.renderedPlan || null;"), e);
    }
  }

  boolean layerOn(String key) {
    return Boolean.TRUE.equals(js("return window.planmap.isLayerOn(arguments[0]);", key));
  }

  void screenshot(String name) throws IOException {
    Path file = driver.getScreenshotAs(OutputType.FILE).toPath();
    Path target = SCREENSHOTS.resolve(name + ".png");
    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
    System.out.println("PLANMAP screenshot " + target.toAbsolutePath());
    assertNoConsoleErrors();
  }

  void assertNoConsoleErrors() {
    assertNoConsoleErrorsExcept();
  }

  /**
   * Fails on any SEVERE console entry except the network errors a test provokes on purpose, each given as a URL
   * path and status: e.g. {@code "/api/edit/parcels 422"} lets through exactly "…/api/edit/parcels - Failed to load
   * resource: the server responded with a status of 422".
   */
  void assertNoConsoleErrorsExcept(String... provoked) {
    List<String> severe = new ArrayList<>();
    for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
      if (entry.getLevel().intValue() >= Level.SEVERE.intValue() && !isProvoked(entry.getMessage(), provoked)) {
        severe.add(entry.getLevel() + " " + entry.getMessage());
      }
    }
    assertThat(severe).as("browser console errors").isEmpty();
  }

  private static boolean isProvoked(String message, String... provoked) {
    for (String p : provoked) {
      int space = p.lastIndexOf(' ');
      String path = p.substring(0, space);
      String status = p.substring(space + 1);
      if (message.matches("https?://[^/ ]+" + java.util.regex.Pattern.quote(path)
          + " - Failed to load resource: the server responded with a status of " + status + " .*")) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      try (var walk = Files.walk(profile)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
