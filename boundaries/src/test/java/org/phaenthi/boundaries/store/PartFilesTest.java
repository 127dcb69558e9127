package org.phaenthi.boundaries.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A part file reads back as written, chunk by chunk; a truncated, damaged, lengthened or foreign
 * file is refused by name, and a length field past the end is refused before anything is allocated.
 */
class PartFilesTest {
  @TempDir Path dir;

  private Path written() throws IOException {
    Map<String, byte[]> chunks = new LinkedHashMap<>();
    chunks.put("areas", new byte[] {1, 2, 3});
    chunks.put("values/ตำบล", new byte[0]); // a name outside ASCII, an empty chunk
    byte[] big = new byte[300_000];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) (i * 31);
    }
    chunks.put("blob/subdistrict", big);
    Path f = dir.resolve("p.part");
    PartFiles.writePart(f, new PartCodec.Encoded("p-1", "{\"id\":\"p-1\"}", chunks));
    return f;
  }

  @Test
  void readsBackEveryChunkInOrder() throws IOException {
    Path f = written();
    PartCodec.Encoded e = PartFiles.readPart(f, "p-1");
    assertEquals("{\"id\":\"p-1\"}", e.header());
    assertEquals(
        List.of("areas", "values/ตำบล", "blob/subdistrict"), List.copyOf(e.chunks().keySet()));
    assertArrayEquals(new byte[] {1, 2, 3}, e.chunks().get("areas"));
    assertEquals(0, e.chunks().get("values/ตำบล").length);
    assertEquals((byte) (299_999 * 31), e.chunks().get("blob/subdistrict")[299_999]);
  }

  @Test
  void aTruncatedDamagedLongerOrForeignFileIsRefusedByName() throws IOException {
    Path f = written();
    byte[] good = Files.readAllBytes(f);
    for (int cut : new int[] {0, 5, 40, good.length / 2, good.length - 1}) {
      Files.write(f, java.util.Arrays.copyOf(good, cut));
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class, () -> PartFiles.readPart(f, "p-1"), "cut " + cut);
      assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
    }
    byte[] flipped = good.clone();
    flipped[good.length / 2] ^= 1;
    Files.write(f, flipped);
    assertTrue(
        assertThrows(IllegalStateException.class, () -> PartFiles.readPart(f, "p-1"))
            .getMessage()
            .contains("damaged"));
    byte[] longer = java.util.Arrays.copyOf(good, good.length + 1);
    Files.write(f, longer);
    assertThrows(IllegalStateException.class, () -> PartFiles.readPart(f, "p-1"));
    byte[] foreign = good.clone();
    foreign[0] = 'X';
    Files.write(f, foreign);
    assertTrue(
        assertThrows(IllegalStateException.class, () -> PartFiles.readPart(f, "p-1"))
            .getMessage()
            .contains("not a Phaenthi part"));
  }

  @Test
  void aLengthPastTheEndIsATruncatedFileNotAnAllocation() throws IOException {
    Path f = written();
    byte[] bytes = Files.readAllBytes(f);
    // the header's length field follows the 16-byte magic line
    ByteBuffer.wrap(bytes).putInt(16, Integer.MAX_VALUE - 8);
    Files.write(f, bytes);
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> PartFiles.readPart(f, "p-1"));
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    ByteBuffer.wrap(bytes).putInt(16, -1);
    Files.write(f, bytes);
    assertThrows(IllegalStateException.class, () -> PartFiles.readPart(f, "p-1"));
  }
}
