package org.phaenthi.tiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** The geometry examples of the MVT 2.1 specification (section 4.3.5), both directions. */
class MvtCommandsTest {
  private static final String MULTIPOLYGON =
      "MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0)), "
          + "((11 11, 20 11, 20 20, 11 20, 11 11), (13 13, 13 17, 17 17, 17 13, 13 13)))";
  private static final int[] MULTIPOLYGON_COMMANDS = {
    9, 0, 0, 26, 20, 0, 0, 20, 19, 0, 15, 9, 22, 2, 26, 18, 0, 0, 18, 17, 0, 15, 9, 4, 13, 26, 0, 8,
    8, 0, 0, 7, 15
  };

  private static Geometry wkt(String wkt) throws ParseException {
    return new WKTReader().read(wkt);
  }

  private static void assertSpecExample(String wkt, MvtGeometryType type, int... expected)
      throws ParseException {
    Geometry g = wkt(wkt);
    assertArrayEquals(expected, MvtCommands.encode(g), wkt);
    ProtoReader.IntList list = new ProtoReader.IntList();
    for (int v : expected) {
      list.add(v);
    }
    assertEquals(g.norm(), MvtDecoder.geometry(type, list).norm(), wkt);
  }

  @Test
  void point() throws ParseException {
    assertSpecExample("POINT (25 17)", MvtGeometryType.POINT, 9, 50, 34);
  }

  @Test
  void multiPoint() throws ParseException {
    assertSpecExample("MULTIPOINT ((5 7), (3 2))", MvtGeometryType.POINT, 17, 10, 14, 3, 9);
  }

  @Test
  void lineString() throws ParseException {
    assertSpecExample(
        "LINESTRING (2 2, 2 10, 10 10)", MvtGeometryType.LINESTRING, 9, 4, 4, 18, 0, 16, 16, 0);
  }

  @Test
  void multiLineStringCarriesCursor() throws ParseException {
    assertSpecExample(
        "MULTILINESTRING ((2 2, 2 10, 10 10), (1 1, 3 5))",
        MvtGeometryType.LINESTRING,
        9,
        4,
        4,
        18,
        0,
        16,
        16,
        0,
        9,
        17,
        17,
        10,
        4,
        8);
  }

  @Test
  void polygon() throws ParseException {
    assertSpecExample(
        "POLYGON ((3 6, 8 12, 20 34, 3 6))",
        MvtGeometryType.POLYGON,
        9,
        6,
        12,
        18,
        10,
        12,
        24,
        44,
        15);
  }

  @Test
  void multiPolygonWithHole() throws ParseException {
    assertSpecExample(MULTIPOLYGON, MvtGeometryType.POLYGON, MULTIPOLYGON_COMMANDS);
  }

  @Test
  void wrongWindingIsReversed() throws ParseException {
    // Same shapes as the spec example, every ring given the other way round.
    Geometry reversed = wkt(MULTIPOLYGON).reverse();
    int[] commands = MvtCommands.encode(reversed);
    ProtoReader.IntList list = new ProtoReader.IntList();
    for (int v : commands) {
      list.add(v);
    }
    Geometry decoded = MvtDecoder.geometry(MvtGeometryType.POLYGON, list);
    assertEquals(wkt(MULTIPOLYGON).norm(), decoded.norm());
  }

  @Test
  void repeatedPointsAreNotWritten() throws ParseException {
    assertArrayEquals(
        new int[] {9, 4, 4, 18, 0, 16, 16, 0},
        MvtCommands.encode(wkt("LINESTRING (2 2, 2 2, 2 10, 2 10, 10 10)")));
    assertArrayEquals(
        new int[] {9, 6, 12, 18, 10, 12, 24, 44, 15},
        MvtCommands.encode(wkt("POLYGON ((3 6, 8 12, 8 12, 20 34, 3 6, 3 6))")));
  }

  @Test
  void degeneratePartsAreLeftOut() throws ParseException {
    assertArrayEquals(new int[0], MvtCommands.encode(wkt("LINESTRING (2 2, 2 2)")));
    assertArrayEquals(new int[0], MvtCommands.encode(wkt("POLYGON ((0 0, 5 5, 10 10, 0 0))")));
    // A collapsed exterior ring takes its hole with it; the next polygon is still written.
    assertArrayEquals(
        new int[] {9, 6, 12, 18, 10, 12, 24, 44, 15},
        MvtCommands.encode(
            wkt("MULTIPOLYGON (((0 0, 1 0, 1 0, 0 0)), ((3 6, 8 12, 20 34, 3 6)))")));
  }

  @Test
  void decoderRejectsMalformedCommands() {
    ProtoReader.IntList lineToFirst = new ProtoReader.IntList();
    for (int v : new int[] {18, 0, 16, 16, 0}) {
      lineToFirst.add(v);
    }
    assertThrows(
        IllegalArgumentException.class,
        () -> MvtDecoder.geometry(MvtGeometryType.LINESTRING, lineToFirst));
    ProtoReader.IntList holeFirst = new ProtoReader.IntList();
    for (int v : new int[] {9, 4, 13, 26, 0, 8, 8, 0, 0, 7, 15}) {
      holeFirst.add(v);
    }
    assertThrows(
        IllegalArgumentException.class,
        () -> MvtDecoder.geometry(MvtGeometryType.POLYGON, holeFirst));
  }
}
