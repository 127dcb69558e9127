package org.phaenthi.boundaries.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Area;

/** Border lines on WKT coverages: once per shared edge, right rank, on the polygon edges. */
class BorderLinesTest {
  private static final GeometryFactory GF = new GeometryFactory();

  /**
   * Two provinces (10 west, 20 east) of two districts each (south 01, north 02), unit squares.
   * District 1001 has an extra vertex on its east edge, which 2001 shares.
   */
  private static final String[][] GRID = {
    {"1001", "POLYGON ((0 0, 1 0, 1 0.5, 1 1, 0 1, 0 0))"},
    {"1002", "POLYGON ((0 1, 1 1, 1 2, 0 2, 0 1))"},
    {"2001", "POLYGON ((1 0, 2 0, 2 1, 1 1, 1 0.5, 1 0))"},
    {"2002", "POLYGON ((1 1, 2 1, 2 2, 1 2, 1 1))"},
  };

  private static Geometry[] geoms() throws ParseException {
    Geometry[] g = new Geometry[GRID.length];
    for (int i = 0; i < GRID.length; i++) {
      g[i] = new WKTReader().read(GRID[i][1]);
    }
    return g;
  }

  private static String[] codes() {
    String[] c = new String[GRID.length];
    for (int i = 0; i < GRID.length; i++) {
      c[i] = GRID[i][0];
    }
    return c;
  }

  @Test
  void eachSharedEdgeOnceWithTheHighestLevelItSeparates() throws ParseException {
    List<BorderLine> lines = BorderExtractor.extract(codes(), geoms(), GF);
    Map<String, BorderLine> shared = new HashMap<>();
    double outerLength = 0;
    for (BorderLine b : lines) {
      if (b.isOuter()) {
        assertEquals(BorderRank.COUNTRY, b.rank());
        outerLength += b.line().getLength();
      } else {
        assertTrue(b.codeA().compareTo(b.codeB()) < 0, "smaller code first");
        assertNull(shared.put(b.codeA() + "|" + b.codeB(), b), "pair written twice");
      }
    }
    assertEquals(8.0, outerLength, 1e-12);
    assertEquals(4, shared.size()); // 1001|1002, 1001|2001, 1002|2002, 2001|2002
    assertEquals(BorderRank.DISTRICT, shared.get("1001|1002").rank());
    assertEquals(BorderRank.DISTRICT, shared.get("2001|2002").rank());
    assertEquals(BorderRank.PROVINCE, shared.get("1001|2001").rank());
    assertEquals(BorderRank.PROVINCE, shared.get("1002|2002").rank());
    // the province border keeps the shared middle vertex and is one chain, not two pieces
    assertTrue(
        shared
            .get("1001|2001")
            .line()
            .equalsNorm(new WKTReader().read("LINESTRING (1 0, 1 0.5, 1 1)")));
    assertTrue(
        shared.get("1001|1002").line().equalsNorm(new WKTReader().read("LINESTRING (0 1, 1 1)")));
  }

  @Test
  void ringStartInTheMiddleOfAChainStillGivesOneChain() throws ParseException {
    // The island's ring starts mid-way along its single (outer) edge: one closed line.
    // The square's ring starts in the middle of its shared edge with the triangle.
    Geometry[] g = {
      new WKTReader().read("POLYGON ((5 0.5, 5 0, 6 0, 6 1, 5 1, 5 0.5))"),
      new WKTReader().read("POLYGON ((4 0, 5 0, 5 0.5, 5 1, 4 0))"),
      new WKTReader().read("POLYGON ((10 10, 11 10, 11 11, 10 10))"),
    };
    List<BorderLine> lines = BorderExtractor.extract(new String[] {"10", "20", "30"}, g, GF);
    long shared = lines.stream().filter(b -> !b.isOuter()).count();
    assertEquals(1, shared);
    BorderLine s = lines.stream().filter(b -> !b.isOuter()).findFirst().orElseThrow();
    assertTrue(s.line().equalsNorm(new WKTReader().read("LINESTRING (5 0, 5 0.5, 5 1)")));
    List<BorderLine> island = lines.stream().filter(b -> "30".equals(b.codeA())).toList();
    assertEquals(1, island.size());
    assertTrue(island.get(0).line().isClosed());
    assertEquals(4, island.get(0).line().getNumPoints());
  }

  @Test
  void holeFilledByAnotherAreaIsOneClosedSharedLine() throws ParseException {
    Geometry[] g = {
      new WKTReader().read("POLYGON ((0 0, 3 0, 3 3, 0 3, 0 0), (1 1, 1 2, 2 2, 2 1, 1 1))"),
      new WKTReader().read("POLYGON ((1 1, 2 1, 2 2, 1 2, 1 1))"),
    };
    List<BorderLine> lines = BorderExtractor.extract(new String[] {"1001", "1002"}, g, GF);
    assertEquals(2, lines.size());
    BorderLine inner = lines.stream().filter(b -> !b.isOuter()).findFirst().orElseThrow();
    assertTrue(inner.line().isClosed());
    assertEquals(4.0, inner.line().getLength(), 1e-12);
    assertEquals(BorderRank.DISTRICT, inner.rank());
  }

  @Test
  void overlappingInputIsRejected() throws ParseException {
    Geometry sq = new WKTReader().read("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))");
    assertThrows(
        IllegalArgumentException.class,
        () ->
            BorderExtractor.extract(
                new String[] {"10", "20", "30"}, new Geometry[] {sq, sq, sq}, GF));
  }

  @Test
  void builtBandsServeBordersThroughTheIndex() {
    List<Area> areas =
        List.of(
            CoverageTestData.area("1001", AdminLevel.DISTRICT, GRID[0][1]),
            CoverageTestData.area("1002", AdminLevel.DISTRICT, GRID[1][1]),
            CoverageTestData.area("2001", AdminLevel.DISTRICT, GRID[2][1]),
            CoverageTestData.area("2002", AdminLevel.DISTRICT, GRID[3][1]));
    BandGeometry band = CoverageBandBuilder.build(AdminLevel.DISTRICT, areas).bandFor(14);
    // a box around the middle of the province border, in metres (1° of longitude ≈ 111 km)
    Envelope box = new Envelope(111_000, 112_000, 50_000, 60_000);
    List<BorderLine> hits = band.queryBorders(box);
    List<BorderLine> expected =
        band.borders().stream()
            .filter(b -> b.line().getEnvelopeInternal().intersects(box))
            .toList();
    assertEquals(expected, hits);
    assertTrue(
        hits.stream().anyMatch(b -> b.rank() == BorderRank.PROVINCE && "2001".equals(b.codeB())));
    assertTrue(hits.stream().noneMatch(b -> "2002".equals(b.codeB())));
    List<String> codes = new java.util.ArrayList<>();
    band.queryAreas(box, (code, geom) -> codes.add(code));
    assertEquals(List.of("1001", "2001"), codes);
  }
}
