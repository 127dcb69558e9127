package org.phaenthi.boundaries.load;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Area;
import org.phaenthi.boundaries.Boundaries;
import org.phaenthi.boundaries.TestData;
import org.phaenthi.boundaries.catalog.BoundarySet;
import org.phaenthi.boundaries.catalog.Draft;
import org.phaenthi.boundaries.catalog.IndicatorSet;
import org.phaenthi.boundaries.catalog.ValueSet;
import org.phaenthi.boundaries.indicators.IndicatorValue;
import org.phaenthi.boundaries.indicators.SurveyYear;
import org.phaenthi.boundaries.indicators.YearInfo;

/** Issue #15 item 6: broken data directories are refused before they are published. */
class InputChecksTest {
  static Boundaries phuket() {
    return new BoundaryLoader(PropertyMapping.DEFAULT)
        .load(List.of(TestData.fixture83()))
        .boundaries();
  }

  @Test
  void theFixtureLiesInsideThailand() {
    assertDoesNotThrow(() -> InputChecks.boundariesInside(phuket(), InputChecks.THAILAND));
  }

  @Test
  void aCoordinateFarOutsideTheCountryIsRefusedNamingTheArea() throws Exception {
    List<Area> areas = new ArrayList<>(phuket().areas(AdminLevel.SUBDISTRICT));
    Area a = areas.get(0);
    Geometry huge = new WKTReader().read("POLYGON((98.3 7.8, 1e300 -1e300, 98.4 7.9, 98.3 7.8))");
    areas.set(0, new Area(a.code(), a.nameTh(), a.nameEn(), a.parentCode(), a.level(), huge));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> InputChecks.boundariesInside(new Boundaries(areas), InputChecks.THAILAND));
    assertTrue(e.getMessage().contains(a.code()), e.getMessage());
    assertTrue(e.getMessage().contains("outside Thailand"), e.getMessage());
  }

  @Test
  void coordinatesInAnotherSystemAreRefused() throws Exception {
    List<Area> areas = new ArrayList<>(phuket().areas(AdminLevel.PROVINCE));
    Area a = areas.get(0);
    Geometry metres =
        new WKTReader()
            .read("POLYGON((10940000 870000, 10950000 870000, 10950000 880000, 10940000 870000))");
    areas.set(0, new Area(a.code(), a.nameTh(), a.nameEn(), a.parentCode(), a.level(), metres));
    assertThrows(
        IllegalArgumentException.class,
        () -> InputChecks.boundariesInside(new Boundaries(areas), InputChecks.THAILAND));
  }

  static ValueSet values(int areas) {
    Map<String, IndicatorValue> byCode = new LinkedHashMap<>();
    for (int i = 0; i < areas; i++) {
      String code = String.format("%02d", 10 + i);
      byCode.put(code, new IndicatorValue(code, 1.0, 2.0, 50.0, null));
    }
    return new ValueSet(
        "v-0123456789abcdef",
        "i-0123456789abcdef",
        new YearInfo(new SurveyYear(2566), "y66", "test", Set.of(AdminLevel.PROVINCE), false),
        Instant.EPOCH,
        Map.of(AdminLevel.PROVINCE, Map.of("tpmap:target_poor", byCode)),
        Map.of());
  }

  static Draft draft(Boundaries b, ValueSet v) {
    return new Draft(
        new BoundarySet("b-0123456789abcdef", "test", Instant.EPOCH, b, Map.of(), Map.of()),
        List.of(new IndicatorSet("i-0123456789abcdef", "test", Instant.EPOCH, List.of(), "")),
        List.of(v),
        "test",
        "test",
        "src");
  }

  @Test
  void aFileCutShortAgainstTheHeldPublicationIsRefused() {
    Boundaries b = phuket();
    // the y66 file truncated mid-way: 34 of 75 provinces
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> InputChecks.noSharpDrop(draft(b, values(34)), b, List.of(values(75)), 0.2));
    assertTrue(
        e.getMessage().contains("2566 province areas with values: 34 instead of 75"),
        e.getMessage());
    assertTrue(e.getMessage().contains("--import-max-drop"), e.getMessage());
    // a small change passes, and the check can be turned off
    assertDoesNotThrow(
        () -> InputChecks.noSharpDrop(draft(b, values(70)), b, List.of(values(75)), 0.2));
    assertDoesNotThrow(
        () -> InputChecks.noSharpDrop(draft(b, values(34)), b, List.of(values(75)), 1));
  }

  @Test
  void sharplyFewerBoundaryAreasAreRefused() {
    Boundaries held = phuket();
    List<Area> fewer = new ArrayList<>(held.areas(AdminLevel.PROVINCE));
    fewer.addAll(held.areas(AdminLevel.DISTRICT));
    fewer.addAll(held.areas(AdminLevel.SUBDISTRICT).subList(0, 5)); // 17 → 5
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                InputChecks.noSharpDrop(
                    draft(new Boundaries(fewer), values(75)), held, List.of(values(75)), 0.2));
    assertTrue(e.getMessage().contains("subdistrict areas: 5 instead of 17"), e.getMessage());
  }
}
