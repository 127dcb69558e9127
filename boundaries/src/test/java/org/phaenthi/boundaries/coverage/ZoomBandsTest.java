package org.phaenthi.boundaries.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ZoomBandsTest {

  @Test
  void toleranceIsEightGridUnitsAtTheBandsHighestZoom() {
    // 40075016.686 / 2^3 / 4096 = 1222.99 m per grid unit at z3
    assertEquals(1222.99, ZoomBands.gridUnitMeters(3), 0.01);
    assertEquals(8 * 1222.99, ZoomBand.of(0, 3).toleranceMeters(), 0.1);
    assertEquals(38.22, ZoomBand.of(10, 11).toleranceMeters(), 0.01);
  }

  @Test
  void defaultsCoverZ0ToZ14WithShrinkingTolerancesAndAnUnsimplifiedLastBand() {
    List<ZoomBand> bands = ZoomBands.defaults();
    assertEquals(6, bands.size());
    assertEquals(0, bands.get(0).minZoom());
    assertEquals(14, bands.get(5).maxZoom());
    assertFalse(bands.get(5).isSimplified());
    for (int i = 1; i < bands.size(); i++) {
      assertTrue(bands.get(i).toleranceMeters() < bands.get(i - 1).toleranceMeters());
    }
  }

  @Test
  void rejectsBadBands() {
    assertThrows(IllegalArgumentException.class, () -> new ZoomBand(3, 2, 1));
    assertThrows(IllegalArgumentException.class, () -> new ZoomBand(-1, 2, 1));
    assertThrows(IllegalArgumentException.class, () -> new ZoomBand(0, 2, Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> new ZoomBand(0, 2, -1));
    assertThrows(IllegalArgumentException.class, () -> ZoomBands.checked(List.of()));
    // a hole between z3 and z5
    assertThrows(
        IllegalArgumentException.class,
        () -> ZoomBands.checked(List.of(ZoomBand.of(0, 3), ZoomBand.of(5, 6))));
    // finer band with a larger tolerance
    assertThrows(
        IllegalArgumentException.class,
        () -> ZoomBands.checked(List.of(ZoomBand.unsimplified(0, 3), ZoomBand.of(4, 6))));
  }

  @Test
  void borderRankComesFromTheCodePrefixes() {
    assertEquals(BorderRank.COUNTRY, BorderRank.between("830101", null));
    assertEquals(BorderRank.PROVINCE, BorderRank.between("830101", "820101"));
    assertEquals(BorderRank.DISTRICT, BorderRank.between("830101", "830201"));
    assertEquals(BorderRank.SUBDISTRICT, BorderRank.between("830101", "830102"));
    assertEquals(BorderRank.PROVINCE, BorderRank.between("8301", "8201"));
    assertEquals(BorderRank.DISTRICT, BorderRank.between("8301", "8302"));
    assertEquals(BorderRank.PROVINCE, BorderRank.between("83", "82"));
    assertThrows(IllegalArgumentException.class, () -> BorderRank.between("83", "83"));
  }
}
