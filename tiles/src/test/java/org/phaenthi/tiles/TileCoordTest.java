package org.phaenthi.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class TileCoordTest {
  private static final double HALF = WebMercator.HALF_WORLD_METERS;

  @Test
  void ofXyzOrdersArguments() {
    TileCoord t = TileCoord.ofXYZ(3, 5, 4);
    assertEquals(4, t.z());
    assertEquals(3, t.x());
    assertEquals(5, t.y());
    assertEquals("4/3/5", t.toString());
  }

  @Test
  void rejectsOutOfRangeWithClearMessage() {
    var e = assertThrows(IllegalArgumentException.class, () -> new TileCoord(2, 4, 0));
    assertEquals("tile 2/4/0: x and y must be in 0..3 at zoom 2", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new TileCoord(2, 0, -1));
    assertThrows(IllegalArgumentException.class, () -> new TileCoord(-1, 0, 0));
    var z = assertThrows(IllegalArgumentException.class, () -> new TileCoord(25, 0, 0));
    assertTrue(z.getMessage().contains("zoom 25 out of range 0..24"), z.getMessage());
  }

  @Test
  void isValidMatchesConstructor() {
    assertTrue(TileCoord.isValid(0, 0, 0));
    assertTrue(TileCoord.isValid(24, (1 << 24) - 1, (1 << 24) - 1));
    assertFalse(TileCoord.isValid(24, 1 << 24, 0));
    assertFalse(TileCoord.isValid(25, 0, 0));
    assertFalse(TileCoord.isValid(3, 8, 0));
    assertFalse(TileCoord.isValid(3, 0, -1));
  }

  @Test
  void worldTileCoversMercatorSquare() {
    assertEquals(new Envelope(-HALF, HALF, -HALF, HALF), new TileCoord(0, 0, 0).mercatorEnvelope());
  }

  @Test
  void yGrowsSouth() {
    Envelope nw = new TileCoord(1, 0, 0).mercatorEnvelope();
    assertEquals(new Envelope(-HALF, 0, 0, HALF), nw);
    Envelope se = new TileCoord(1, 1, 1).mercatorEnvelope();
    assertEquals(new Envelope(0, HALF, -HALF, 0), se);
  }

  @Test
  void lonLatEnvelopeOfWorldTile() {
    Envelope e = new TileCoord(0, 0, 0).lonLatEnvelope();
    assertEquals(-180, e.getMinX(), 1e-9);
    assertEquals(180, e.getMaxX(), 1e-9);
    assertEquals(-WebMercator.MAX_LATITUDE, e.getMinY(), 1e-9);
    assertEquals(WebMercator.MAX_LATITUDE, e.getMaxY(), 1e-9);
  }

  @Test
  void parentAndChildren() {
    TileCoord t = new TileCoord(5, 19, 12);
    assertEquals(new TileCoord(4, 9, 6), t.parent());
    List<TileCoord> children = t.children();
    assertEquals(
        List.of(
            new TileCoord(6, 38, 24),
            new TileCoord(6, 39, 24),
            new TileCoord(6, 38, 25),
            new TileCoord(6, 39, 25)),
        children);
    children.forEach(c -> assertEquals(t, c.parent()));
    assertThrows(IllegalArgumentException.class, () -> new TileCoord(0, 0, 0).parent());
    assertThrows(IllegalArgumentException.class, () -> new TileCoord(24, 0, 0).children());
  }

  @Test
  void pixelSize() {
    assertEquals(2 * HALF / 4096, new TileCoord(0, 0, 0).pixelSizeMeters(4096), 1e-9);
    assertEquals(2 * HALF / (1 << 14) / 256, new TileCoord(14, 0, 0).pixelSizeMeters(256), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> new TileCoord(0, 0, 0).pixelSizeMeters(0));
  }

  @Test
  void containingPhuketTown() {
    // Phuket town, 98.39 E 7.88 N; expected tile from the OSM slippy-map formula (asinh) in Python.
    TileCoord t = TileCoord.containing(98.39, 7.88, 10);
    assertEquals(new TileCoord(10, 791, 489), t);
    assertTrue(t.lonLatEnvelope().contains(98.39, 7.88));
  }

  @Test
  void coveringListsEveryTileABoxTouches() {
    var tiles =
        TileCoord.covering(new org.locationtech.jts.geom.Envelope(98.25, 98.49, 7.47, 8.21), 8);
    assertEquals(java.util.List.of(new TileCoord(8, 197, 122), new TileCoord(8, 198, 122)), tiles);
    assertEquals(
        1, TileCoord.covering(new org.locationtech.jts.geom.Envelope(0, 1, 0, 1), 0).size());
  }
}
