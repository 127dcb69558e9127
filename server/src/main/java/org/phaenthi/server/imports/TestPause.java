package org.phaenthi.server.imports;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A test-only pause at named points of a job, so a kill test lands its {@code kill -9} inside a
 * phase rather than near it: {@code -Dphaenthi.test.importPause=POINT:MILLIS} (e.g. {@code
 * before-commit:30000}) makes the first job that reaches that point log {@code import job ID paused
 * at POINT} and sleep. The points are {@code reading}, {@code validating} (at the first progress
 * report), {@code drafting}, {@code before-commit} and {@code after-commit} (the store has
 * committed; the job is not yet saved as published). Without the property it does nothing.
 */
final class TestPause {
  static final String PROPERTY = "phaenthi.test.importPause";
  private static final Logger LOG = LoggerFactory.getLogger(TestPause.class);
  private static final String POINT;
  private static final long MILLIS;
  private static volatile boolean used;

  static {
    String v = System.getProperty(PROPERTY, "");
    int colon = v.lastIndexOf(':');
    String point = null;
    long ms = 0;
    if (colon > 0) {
      try {
        ms = Long.parseLong(v.substring(colon + 1));
        point = v.substring(0, colon).toLowerCase(Locale.ROOT);
      } catch (NumberFormatException e) {
        point = null;
      }
    }
    POINT = point;
    MILLIS = ms;
  }

  private TestPause() {}

  static void at(String point, String jobId) {
    if (POINT == null || used || !POINT.equals(point)) {
      return;
    }
    used = true;
    LOG.warn("import job {} paused at {} for {} ms ({})", jobId, point, MILLIS, PROPERTY);
    try {
      Thread.sleep(MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
