/**
 * Browser tests of the web app: a real server in-process on a free port over the shared data,
 * driven by headless Debian Chromium through Selenium.
 *
 * <p>Terms: <b>first coloured map</b> is the time from navigation start until the app has drawn the
 * default level in class colours (the app sets {@code body[data-ready]} and records {@code
 * phaenthi.app.timings.firstMap}); <b>recolour</b> is the time from choosing another indicator
 * until the new colours are on the map; <b>geometry request</b> is any request to {@code
 * /api/geometry/} or {@code /tiles/}. The tests skip when Chromium or its driver is missing, unless
 * the system property {@code phaenthi.requireIT=true} (CI) turns that into a failure. Screenshots
 * go to {@code target/browser-screenshots/}.
 */
package org.phaenthi.server.browser;
