package org.phaenthi.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AcceptEncodingTest {
  @Test
  void gzipIsAcceptedWhenListedOrCoveredByAStarWithAPositiveQuality() {
    assertTrue(AcceptEncoding.gzip("gzip"));
    assertTrue(AcceptEncoding.gzip("gzip, deflate, br, zstd"));
    assertTrue(AcceptEncoding.gzip("br;q=1.0, GZIP;q=0.5"));
    assertTrue(AcceptEncoding.gzip("*"));
    assertTrue(AcceptEncoding.gzip("x-gzip"));
    assertTrue(AcceptEncoding.gzip("identity, *;q=0.1"));
  }

  @Test
  void gzipIsRefusedWhenAbsentOrWithQualityZero() {
    assertFalse(AcceptEncoding.gzip(null));
    assertFalse(AcceptEncoding.gzip(""));
    assertFalse(AcceptEncoding.gzip("identity"));
    assertFalse(AcceptEncoding.gzip("br, deflate"));
    assertFalse(AcceptEncoding.gzip("gzip;q=0"));
    assertFalse(AcceptEncoding.gzip("gzip; q=0.0, br"));
    assertFalse(AcceptEncoding.gzip("*;q=0"));
    assertFalse(AcceptEncoding.gzip("*, gzip;q=0"), "an explicit refusal beats the star");
    assertFalse(AcceptEncoding.gzip("gzip;q=abc"));
  }
}
