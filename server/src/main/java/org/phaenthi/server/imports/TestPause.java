package org.phaenthi.server.imports;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A test-only pause at named points of a job, so a kill test lands its {@code kill -9} inside a
 * phase rather than near it: {@code -Dphaenthi.test.importPause=POINT:MILLIS} (e.g. {@code
 * before-commit:30000}, or {@code POINT:MILLIS:N} for the N-th job to reach it) makes that job log
 * {@code import job ID paused at POINT} and sleep. The points are {@code reading}, {@code
 * validating} (at the first progress report after some rows, i.e. 1,000 rows in), {@code drafting},
 * {@code before-commit} and {@code after-commit} (the store has committed; the job is not yet saved
 * as published). Without the property it does nothing.
 */
final class TestPause {
  static final String PROPERTY = "phaenthi.test.importPause";
  private static final Logger LOG = LoggerFactory.getLogger(TestPause.class);
  private static final String POINT;
  private static final long MILLIS;
  private static final int NTH;
  private static final java.util.Set<String> SEEN =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  static {
    String[] v = System.getProperty(PROPERTY, "").split(":");
    String point = null;
    long ms = 0;
    int nth = 1;
    if (v.length >= 2) {
      try {
        ms = Long.parseLong(v[1]);
        nth = v.length > 2 ? Integer.parseInt(v[2]) : 1;
        point = v[0].toLowerCase(Locale.ROOT);
      } catch (NumberFormatException e) {
        point = null;
      }
    }
    POINT = point;
    MILLIS = ms;
    NTH = nth;
  }

  private TestPause() {}

  static void at(String point, String jobId) {
    if (POINT == null || !POINT.equals(point) || !SEEN.add(jobId) || SEEN.size() != NTH) {
      return;
    }
    LOG.warn("import job {} paused at {} for {} ms ({})", jobId, point, MILLIS, PROPERTY);
    try {
      Thread.sleep(MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
