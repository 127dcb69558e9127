package org.phaenthi.tiles.pmtiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.phaenthi.tiles.TileCoord;

class PmtilesWriterTest {
  @TempDir Path dir;

  @Test
  void tileIdsFollowTheSpecification() {
    // the values of the PMTiles v3 specification's reference implementations
    assertEquals(0, TileIds.of(0, 0, 0));
    assertEquals(1, TileIds.of(1, 0, 0));
    assertEquals(2, TileIds.of(1, 0, 1));
    assertEquals(3, TileIds.of(1, 1, 1));
    assertEquals(4, TileIds.of(1, 1, 0));
    assertEquals(5, TileIds.of(2, 0, 0));
    assertEquals(19_078_479, TileIds.of(12, 3423, 1763));
    for (int z = 0; z <= 6; z++) {
      for (int x = 0; x < 1 << z; x++) {
        for (int y = 0; y < 1 << z; y++) {
          assertEquals(new TileCoord(z, x, y), TileIds.coord(TileIds.of(z, x, y)));
        }
      }
    }
    assertThrows(IllegalArgumentException.class, () -> TileIds.of(2, 4, 0));
  }

  @Test
  void writesHeaderDirectoryAndTilesWithRunsAndSharedContent() throws Exception {
    Path file = dir.resolve("a.pmtiles");
    byte[] sea = bytes("sea");
    List<TileCoord> grid = new ArrayList<>();
    for (int x = 0; x < 16; x++) {
      for (int y = 0; y < 16; y++) {
        grid.add(new TileCoord(4, x, y));
      }
    }
    List<TileCoord> coords = sorted(grid);
    try (PmtilesWriter w = new PmtilesWriter(dir.resolve("scratch"));
        OutputStream out = Files.newOutputStream(file)) {
      for (TileCoord c : coords) {
        // land tiles differ; the first 5 tiles and every 7th tile are the same "sea" bytes
        boolean isSea = coords.indexOf(c) < 5 || coords.indexOf(c) % 7 == 0;
        w.add(c, c.x() == 8 && c.y() == 7 ? new byte[0] : isSea ? sea : bytes("land " + c));
      }
      w.finish(out, info("{\"name\":\"test\"}"));
    }
    try (PmtilesReader r = new PmtilesReader(file)) {
      PmtilesHeader h = r.header();
      assertEquals(PmtilesHeader.LENGTH, h.rootOffset());
      assertTrue(h.clustered());
      assertEquals(4, h.maxZoom());
      assertEquals(0, h.leafLength());
      // one entry for the run of 5 sea tiles, so fewer entries than tiles; sea stored once
      assertTrue(h.tileEntries() < h.addressedTiles(), h.toString());
      long seaTiles = 0;
      for (TileCoord c : coords) {
        int i = coords.indexOf(c);
        if (c.x() == 8 && c.y() == 7) {
          assertNull(r.tile(4, 8, 7));
        } else if (i < 5 || i % 7 == 0) {
          seaTiles++;
          assertArrayEquals(sea, r.tile(c.z(), c.x(), c.y()), c.toString());
        } else {
          assertArrayEquals(bytes("land " + c), r.tile(c.z(), c.x(), c.y()), c.toString());
        }
      }
      assertEquals(h.addressedTiles() - seaTiles + 1, h.tileContents());
      assertNull(r.tile(5, 0, 0), "a zoom not written");
      assertEquals("{\"name\":\"test\"}", r.metadata());
      assertEquals(400_000_000, h.maxLatE7());
      assertEquals(256 - 1, h.addressedTiles());
    }
  }

  @Test
  void manyTilesGoIntoLeafDirectoriesAndTheRootFitsTheFirst16KiB() throws Exception {
    Path file = dir.resolve("big.pmtiles");
    List<TileCoord> coords = new ArrayList<>();
    java.util.Random random = new java.util.Random(14);
    for (long id = TileIds.of(10, 0, 0); coords.size() < 20_000; id += 1 + random.nextInt(9)) {
      coords.add(TileIds.coord(id));
    }
    try (PmtilesWriter w = new PmtilesWriter(dir.resolve("scratch"));
        OutputStream out = Files.newOutputStream(file)) {
      for (TileCoord c : coords) {
        // lengths that vary, so the directory does not compress to nothing
        w.add(c, bytes(c.x() + "/" + c.y() + " ".repeat(random.nextInt(300))));
      }
      w.finish(out, info("{}"));
    }
    try (PmtilesReader r = new PmtilesReader(file)) {
      PmtilesHeader h = r.header();
      assertTrue(h.leafLength() > 0, "leaf directories written");
      assertTrue(h.rootOffset() + h.rootLength() <= 16_384, "root inside the first 16 KiB");
      for (int i = 0; i < coords.size(); i += 97) {
        TileCoord c = coords.get(i);
        assertTrue(new String(r.tile(c.z(), c.x(), c.y())).matches(c.x() + "/" + c.y() + " *"));
      }
      TileCoord last = coords.get(coords.size() - 1);
      assertTrue(
          new String(r.tile(last.z(), last.x(), last.y()))
              .matches(last.x() + "/" + last.y() + " *"));
      for (int i = 0; i < 300; i++) {
        long next = TileIds.of(coords.get(i + 1));
        for (long id = TileIds.of(coords.get(i)) + 1; id < next; id++) {
          TileCoord gap = TileIds.coord(id);
          assertNull(r.tile(gap.z(), gap.x(), gap.y()), gap.toString());
        }
      }
    }
  }

  @Test
  void tilesOutOfOrderAreRefused() throws Exception {
    try (PmtilesWriter w = new PmtilesWriter(dir.resolve("scratch"))) {
      w.add(new TileCoord(1, 1, 0), bytes("a"));
      assertThrows(IllegalArgumentException.class, () -> w.add(new TileCoord(1, 0, 0), bytes("b")));
    }
  }

  @Test
  void directoryEncodingRoundTrips() {
    List<PmtilesDirectory.Entry> entries =
        List.of(
            new PmtilesDirectory.Entry(0, 0, 10, 1),
            new PmtilesDirectory.Entry(1, 10, 5, 3),
            new PmtilesDirectory.Entry(9, 0, 10, 1),
            new PmtilesDirectory.Entry(300_000_000_000L, 15, 1 << 20, 1));
    assertEquals(entries, PmtilesDirectory.decode(PmtilesDirectory.encode(entries)));
  }

  private static List<TileCoord> sorted(List<TileCoord> coords) {
    List<TileCoord> s = new ArrayList<>(coords);
    s.sort(Comparator.comparingLong(TileIds::of));
    return s;
  }

  private static PmtilesWriter.Info info(String json) {
    return new PmtilesWriter.Info(0, 4, new Envelope(0, 40, 0, 40), 2, json, PmtilesHeader.NONE);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
