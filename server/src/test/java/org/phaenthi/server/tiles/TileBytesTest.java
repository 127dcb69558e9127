package org.phaenthi.server.tiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import org.junit.jupiter.api.Test;

/** A cached tile's bytes cannot be changed from outside, and readers do not share a position. */
class TileBytesTest {
  @Test
  void aTileKeepsItsBytesWhenTheCallersArrayChanges() {
    byte[] gzip = TileCache.gzip(new byte[] {1, 2, 3});
    byte[] before = gzip.clone();
    CachedTile tile = new CachedTile(gzip, 3, "\"t\"");
    gzip[0] = 0;
    assertArrayEquals(before, tile.gzip().toByteArray());
    tile.gzip().toByteArray()[0] = 0;
    assertArrayEquals(before, tile.gzip().toByteArray(), "a copy, not the tile's own array");
  }

  @Test
  void everyBufferIsReadOnlyWithItsOwnPosition() throws IOException {
    TileBytes b = TileBytes.copyOf(new byte[] {4, 5, 6});
    ByteBuffer first = b.buffer();
    assertTrue(first.isReadOnly());
    assertThrows(ReadOnlyBufferException.class, () -> first.put(0, (byte) 9));
    first.get(new byte[3]); // a writer drains its buffer
    ByteBuffer second = b.buffer();
    assertEquals(0, second.position(), "another request's buffer starts at 0");
    assertEquals(3, second.remaining());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    b.transferTo(out);
    assertArrayEquals(new byte[] {4, 5, 6}, out.toByteArray());
    assertArrayEquals(new byte[] {4, 5, 6}, b.stream().readAllBytes());
  }

  @Test
  void emptyBytesAreEmpty() {
    TileBytes b = TileBytes.copyOf(new byte[0]);
    assertTrue(b.isEmpty());
    assertEquals(0, b.buffer().remaining());
  }
}
