package org.phaenthi.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.Dimension;

/**
 * The set-up every browser test class shares, as one JUnit extension registered on a static field
 * ({@code @RegisterExtension static final TestBrowsers BROWSERS =
 * TestBrowsers.onRealServer("x-")}): before the class, skip it when Chromium is missing (fail it
 * with {@code -Dphaenthi.requireIT=true}), start the shared real-data server if asked and one
 * headless Chromium; after each test, go back to the top document, save a screenshot named after
 * the test, assert the console logged no error (but those the class expects) and give the window
 * its size back; after the class, close the browser. Its callbacks run before the class's own
 * {@code @BeforeAll} methods and after its {@code @AfterEach} ones.
 */
final class TestBrowsers implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {
  private final String screenshotPrefix;
  private final boolean realServer;
  private final int width;
  private final int height;
  private Predicate<String> expected = e -> false;
  private Browser browser;
  private RealServer server;

  private TestBrowsers(String screenshotPrefix, boolean realServer, int width, int height) {
    this.screenshotPrefix = screenshotPrefix;
    this.realServer = realServer;
    this.width = width;
    this.height = height;
  }

  /** A 1280×800 browser next to the shared server over the real data ({@link RealServer}). */
  static TestBrowsers onRealServer(String screenshotPrefix) {
    return new TestBrowsers(screenshotPrefix, true, 1280, 800);
  }

  /** A 1280×800 browser only: the class starts what it opens. */
  static TestBrowsers alone(String screenshotPrefix) {
    return new TestBrowsers(screenshotPrefix, false, 1280, 800);
  }

  /** Console errors the class causes on purpose (e.g. a request made to fail), not reported. */
  TestBrowsers expecting(Predicate<String> consoleError) {
    this.expected = consoleError;
    return this;
  }

  Browser browser() {
    return browser;
  }

  RealServer server() {
    if (server == null) {
      throw new IllegalStateException("this TestBrowsers has no server (made with alone())");
    }
    return server;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    Browser.assumeAvailable();
    if (realServer) {
      server = RealServer.shared();
    }
    browser = Browser.start(width, height);
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    if (browser == null) {
      return;
    }
    browser.driver.switchTo().defaultContent();
    browser.screenshot(screenshotPrefix + context.getRequiredTestMethod().getName());
    List<String> errors = new ArrayList<>(browser.drainConsoleErrors());
    errors.removeIf(expected);
    browser.driver.manage().window().setSize(new Dimension(width, height));
    assertEquals(List.of(), errors, "browser console errors");
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (browser != null) {
      browser.close();
      browser = null;
    }
  }
}
