package org.phaenthi.boundaries.coverage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Geometry;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Area;
import org.phaenthi.tiles.WebMercator;

/** The builder on Phuket (fixture 83) at every level, and on WKT edge cases. */
class CoverageBandBuilderTest {

  @ParameterizedTest
  @MethodSource("org.phaenthi.boundaries.AdminLevel#standard")
  void everyBandOfPhuketIsAValidCoverageWithNoAreaLost(AdminLevel level) throws IOException {
    List<Area> areas = CoverageTestData.fixture83(level);
    LevelBands bands = CoverageBandBuilder.build(level, areas);
    assertEquals(ZoomBands.defaults(), bands.zoomBands());
    for (BandGeometry b : bands.bands()) {
      assertEquals(areas.size(), b.areas().size());
      b.areas().forEach((code, g) -> assertFalse(g.isEmpty(), code + " lost in " + b.band()));
      CoverageAssertions.assertValidCoverage(b);
      CoverageAssertions.assertBordersAreThePolygonEdges(b);
    }
  }

  @Test
  void verticesFallAsToleranceRises() throws IOException {
    LevelBands bands =
        CoverageBandBuilder.build(
            AdminLevel.SUBDISTRICT, CoverageTestData.fixture83(AdminLevel.SUBDISTRICT));
    List<BandGeometry> list = bands.bands();
    for (int i = 1; i < list.size(); i++) {
      assertTrue(
          list.get(i - 1).areaVertexCount() < list.get(i).areaVertexCount(),
          list.get(i - 1).band() + " should have fewer vertices than " + list.get(i).band());
    }
    assertEquals(
        CoverageTestData.fixture83(AdminLevel.SUBDISTRICT).stream()
            .mapToLong(a -> a.geometry().getNumPoints())
            .sum(),
        list.get(list.size() - 1).areaVertexCount(),
        "the last band is the source data");
  }

  @Test
  void unchainedBandsAreAlsoValid() throws IOException {
    LevelBands bands =
        CoverageBandBuilder.withDefaultBands()
            .chained(false)
            .buildLevel(AdminLevel.DISTRICT, CoverageTestData.fixture83(AdminLevel.DISTRICT));
    bands.bands().forEach(CoverageAssertions::assertValidCoverage);
  }

  @Test
  void tinyIslandsAndTinyEnclosedAreasSurviveTheCoarsestBand() {
    List<Area> areas =
        List.of(
            // mainland with a ~100 m hole filled by a tiny urban area
            CoverageTestData.area(
                "830101",
                AdminLevel.SUBDISTRICT,
                "POLYGON ((98.0 7.5, 98.5 7.5, 98.5 8.0, 98.0 8.0, 98.0 7.5),"
                    + " (98.2 7.7, 98.2 7.701, 98.201 7.701, 98.201 7.7, 98.2 7.7))"),
            CoverageTestData.area(
                "830102",
                AdminLevel.SUBDISTRICT,
                "POLYGON ((98.2 7.7, 98.201 7.7, 98.201 7.701, 98.2 7.701, 98.2 7.7))"),
            // an area that is only a ~10 m island
            CoverageTestData.area(
                "830103",
                AdminLevel.SUBDISTRICT,
                "POLYGON ((98.6 8.2, 98.6001 8.2, 98.6001 8.2001, 98.6 8.2001, 98.6 8.2))"),
            // an area with a large part and a ~10 m islet
            CoverageTestData.area(
                "830104",
                AdminLevel.SUBDISTRICT,
                "MULTIPOLYGON (((98.5 7.5, 99.0 7.5, 99.0 8.0, 98.5 8.0, 98.5 7.5)),"
                    + " ((99.1 7.6, 99.1001 7.6, 99.1001 7.6001, 99.1 7.6001, 99.1 7.6)))"));
    LevelBands bands = CoverageBandBuilder.build(AdminLevel.SUBDISTRICT, areas);
    BandGeometry coarsest = bands.bandFor(0);
    for (BandGeometry b : bands.bands()) {
      CoverageAssertions.assertValidCoverage(b);
      CoverageAssertions.assertBordersAreThePolygonEdges(b);
      b.areas().forEach((code, g) -> assertTrue(g.getArea() > 0, code + " lost in " + b.band()));
    }
    // The islet of a multi-part area is below the tolerance and goes; its main part stays.
    assertEquals(1, coarsest.area("830104").orElseThrow().getNumGeometries());
    assertEquals(2, bands.bandFor(14).area("830104").orElseThrow().getNumGeometries());
  }

  @Test
  void lonLatCopiesMatchTheSourceInTheUnsimplifiedBand() throws IOException {
    List<Area> areas = CoverageTestData.fixture83(AdminLevel.DISTRICT);
    LevelBands bands = CoverageBandBuilder.build(AdminLevel.DISTRICT, areas);
    Map<String, Geometry> lonLat = bands.bandFor(13).areasLonLat();
    for (Area a : areas) {
      assertTrue(lonLat.get(a.code()).equalsExact(a.geometry(), 1e-9), a.code());
    }
    Geometry mercator = bands.bandFor(5).area("8301").orElseThrow();
    assertTrue(
        bands
            .bandFor(5)
            .areaLonLat("8301")
            .orElseThrow()
            .equalsExact(WebMercator.toLonLat(mercator), 0));
  }

  @Test
  void bandForPicksTheBandAndClampsToTheMostDetailed() throws IOException {
    LevelBands bands =
        CoverageBandBuilder.build(
            AdminLevel.PROVINCE, CoverageTestData.fixture83(AdminLevel.PROVINCE));
    assertSame(bands.bands().get(0), bands.bandFor(0));
    assertSame(bands.bands().get(0), bands.bandFor(3));
    assertSame(bands.bands().get(1), bands.bandFor(4));
    assertSame(bands.bands().get(4), bands.bandFor(11));
    assertSame(bands.bands().get(5), bands.bandFor(12));
    assertSame(bands.bands().get(5), bands.bandFor(20));
    assertThrows(IllegalArgumentException.class, () -> bands.bandFor(-1));
    assertThrows(IllegalArgumentException.class, () -> bands.bandFor(25));
  }

  @Test
  void serialisationRoundTripIsExactAndDeterministic() throws IOException {
    List<Area> areas = CoverageTestData.fixture83(AdminLevel.SUBDISTRICT);
    LevelBands bands = CoverageBandBuilder.build(AdminLevel.SUBDISTRICT, areas);
    byte[] bytes = bands.toBytes();
    LevelBands back = LevelBands.fromBytes(bytes);
    assertEquals(bands.level(), back.level());
    assertEquals(bands.zoomBands(), back.zoomBands());
    for (int i = 0; i < bands.bands().size(); i++) {
      BandGeometry a = bands.bands().get(i);
      BandGeometry b = back.bands().get(i);
      assertEquals(List.copyOf(a.areas().keySet()), List.copyOf(b.areas().keySet()));
      a.areas().forEach((code, g) -> assertTrue(g.equalsExact(b.areas().get(code)), code));
      assertEquals(a.borders().size(), b.borders().size());
      for (int k = 0; k < a.borders().size(); k++) {
        BorderLine x = a.borders().get(k);
        BorderLine y = b.borders().get(k);
        assertEquals(x.rank(), y.rank());
        assertEquals(x.codeA(), y.codeA());
        assertEquals(x.codeB(), y.codeB());
        assertTrue(x.line().equalsExact(y.line()));
      }
    }
    assertArrayEquals(bytes, back.toBytes());
    assertArrayEquals(bytes, CoverageBandBuilder.build(AdminLevel.SUBDISTRICT, areas).toBytes());
  }

  @Test
  void badInputIsRejected() throws IOException {
    List<Area> provinces = CoverageTestData.fixture83(AdminLevel.PROVINCE);
    List<Area> districts = CoverageTestData.fixture83(AdminLevel.DISTRICT);
    assertThrows(
        IllegalArgumentException.class,
        () -> CoverageBandBuilder.build(AdminLevel.PROVINCE, List.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> CoverageBandBuilder.build(AdminLevel.PROVINCE, districts));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            CoverageBandBuilder.build(
                AdminLevel.DISTRICT, List.of(districts.get(0), districts.get(0))));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            CoverageBandBuilder.build(
                AdminLevel.PROVINCE,
                List.of(
                    CoverageTestData.area("83", AdminLevel.PROVINCE, "LINESTRING (0 0, 1 1)"))));
    assertFalse(provinces.isEmpty());
    assertThrows(IllegalArgumentException.class, () -> LevelBands.fromBytes(new byte[] {1, 2, 3}));
    byte[] good = CoverageBandBuilder.build(AdminLevel.PROVINCE, provinces).toBytes();
    byte[] truncated = java.util.Arrays.copyOf(good, good.length / 2);
    assertThrows(IllegalArgumentException.class, () -> LevelBands.fromBytes(truncated));
  }
}
