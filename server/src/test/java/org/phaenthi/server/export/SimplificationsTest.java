package org.phaenthi.server.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Area;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.server.ogc.OgcFixture;

class SimplificationsTest {
  static final Dataset WITH_BANDS = OgcFixture.dataset();
  static final Dataset WITHOUT_BANDS =
      Dataset.of(
          "nobands",
          WITH_BANDS.importedAt(),
          WITH_BANDS.boundaries(),
          WITH_BANDS.indicators(),
          Map.of(),
          WITH_BANDS.report());

  @Test
  void bandsWhenTheDatasetHasThem() {
    assertTrue(WITH_BANDS.blobs().containsKey("bands/district"));
    Simplification z6 = Simplifications.forZoom(WITH_BANDS, AdminLevel.DISTRICT, 6);
    assertInstanceOf(BandSimplification.class, z6);
    assertTrue(z6.gapFree());
    assertTrue(((BandSimplification) z6).band().band().contains(6));
    Area a = WITH_BANDS.boundaries().area("8301").orElseThrow();
    assertTrue(z6.geometry(a).getNumPoints() < a.geometry().getNumPoints());
    assertTrue(z6.geometry(a).isValid());
  }

  @Test
  void toleranceTakesTheBandClosestBelow() {
    double t = Simplifications.forZoom(WITH_BANDS, AdminLevel.DISTRICT, 6).toleranceMeters();
    assertEquals(
        t,
        Simplifications.forTolerance(WITH_BANDS, AdminLevel.DISTRICT, t * 1.5).toleranceMeters());
    assertTrue(
        Simplifications.forTolerance(WITH_BANDS, AdminLevel.DISTRICT, t * 0.99).toleranceMeters()
            < t);
    assertSame(
        Simplification.FULL_DETAIL,
        Simplifications.forTolerance(WITH_BANDS, AdminLevel.DISTRICT, 0.5));
  }

  @Test
  void perFeatureFallbackWithoutBandsIsNotGapFree() {
    Simplification s = Simplifications.forZoom(WITHOUT_BANDS, AdminLevel.DISTRICT, 6);
    assertInstanceOf(PerFeatureSimplification.class, s);
    assertFalse(s.gapFree());
    assertTrue(s.describe().contains("NOT gap-free"));
    assertEquals(Simplifications.toleranceMetersForZoom(6), s.toleranceMeters());
    Area a = WITHOUT_BANDS.boundaries().area("8301").orElseThrow();
    assertTrue(s.geometry(a).getNumPoints() < a.geometry().getNumPoints());
    assertSame(
        Simplification.FULL_DETAIL,
        Simplifications.forTolerance(WITHOUT_BANDS, AdminLevel.DISTRICT, 0));
  }
}
