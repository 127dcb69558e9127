package org.phaenthi.server.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A headless Chromium for one test class, with its console log and screenshots. */
final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target/browser-screenshots");

  final ChromeDriver driver;
  private final Path profile;
  private final List<String> consoleErrors = new ArrayList<>();

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /**
   * Skips the calling test when Chromium is missing, or fails it when CI requires browser tests.
   */
  static void assumeAvailable() {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!present && Boolean.getBoolean("phaenthi.requireIT")) {
      throw new AssertionError(
          "phaenthi.requireIT=true but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing");
    }
    Assumptions.assumeTrue(present, "Chromium or chromedriver not installed; browser test skipped");
  }

  static Browser start(int width, int height) throws IOException {
    Path profile = Files.createTempDirectory("phaenthi-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-dev-shm-usage",
        "--window-size=" + width + "," + height,
        "--user-data-dir=" + profile);
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    // an explicit driver keeps Selenium Manager from trying to download one
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    return new Browser(driver, profile);
  }

  /**
   * Opens a page of the app from a blank one (so a hash-only change still loads) and waits until it
   * is drawn.
   */
  void open(String url) {
    driver.get("about:blank");
    driver.get(url);
    waitReady();
  }

  /** Waits until the app has drawn its first coloured map. */
  void waitReady() {
    waitUpTo(30).until(d -> "true".equals(js("return document.body.dataset.ready")));
  }

  /** How many times the app has drawn a state (body[data-renders]). */
  long renders() {
    Object r = js("return document.body.dataset.renders || '0'");
    return Long.parseLong((String) r);
  }

  /** One key of the app's state. */
  Object state(String key) {
    return js("return phaenthi.app.state[arguments[0]]", key);
  }

  /** Waits until a render later than {@code before} has finished. */
  void waitRenderAfter(long before) {
    waitUpTo(20)
        .until(
            d -> renders() > before && "false".equals(js("return String(phaenthi.app.rendering)")));
  }

  /** Runs a script in every document this tab opens from now on, before the page's own scripts. */
  String onNewDocument(String source) {
    Object id =
        driver
            .executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", source))
            .get("identifier");
    return (String) id;
  }

  void removeOnNewDocument(String id) {
    driver.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", id));
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  Object jsAsync(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
  }

  WebDriverWait waitUpTo(int seconds) {
    return new WebDriverWait(driver, Duration.ofSeconds(seconds));
  }

  void screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    Files.write(SCREENSHOTS.resolve(name + ".png"), png);
  }

  /** Console errors since the last call (Chromium's log is drained by reading it). */
  List<String> drainConsoleErrors() {
    for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
      // the area panel asks with HEAD whether the server makes report cards; a server without them
      // answers 404 by design, which Chromium logs as an error (panel.js hides the button then)
      boolean reportCardProbe =
          e.getMessage().contains("/render/report/") && e.getMessage().contains("404");
      if (e.getLevel().intValue() >= Level.SEVERE.intValue() && !reportCardProbe) {
        consoleErrors.add(e.getMessage());
      }
    }
    List<String> out = List.copyOf(consoleErrors);
    consoleErrors.clear();
    return out;
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      try (var files = Files.walk(profile)) {
        files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
      }
    }
  }
}
