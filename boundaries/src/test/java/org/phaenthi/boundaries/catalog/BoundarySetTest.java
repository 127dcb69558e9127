package org.phaenthi.boundaries.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Boundaries;
import org.phaenthi.boundaries.TestData;
import org.phaenthi.boundaries.coverage.CoverageBandBuilder;
import org.phaenthi.boundaries.coverage.LevelBands;
import org.phaenthi.boundaries.load.BoundaryLoader;
import org.phaenthi.boundaries.load.PropertyMapping;

/** Band blobs are decoded once and their bytes released; the bytes can still be had again. */
class BoundarySetTest {
  @Test
  void bandsDecodeOnceAndTheBlobIsReEncodedExactlyWhenAsked() {
    Boundaries phuket =
        new BoundaryLoader(PropertyMapping.DEFAULT)
            .load(List.of(TestData.fixture83()))
            .boundaries();
    byte[] raw =
        CoverageBandBuilder.build(AdminLevel.DISTRICT, phuket.areas(AdminLevel.DISTRICT)).toBytes();
    Map<String, byte[]> blobs = new LinkedHashMap<>();
    blobs.put("bands/district", raw);
    blobs.put("other", new byte[] {1, 2, 3});
    BoundarySet s =
        new BoundarySet(
            PartIds.of(PartIds.BOUNDARY, "t"), "test", Instant.EPOCH, phuket, blobs, Map.of());
    assertEquals(blobs, s.blobs(), "nothing decoded yet: the original blobs");
    assertThrows(
        UnsupportedOperationException.class,
        () -> s.blobs().put("other", new byte[0]),
        "the set gives out read-only maps");
    LevelBands first = s.bands("bands/district").orElseThrow();
    assertSame(first, s.bands("bands/district").orElseThrow(), "decoded once");
    assertTrue(s.bands("bands/province").isEmpty());
    assertSame(raw, blobs.get("bands/district"), "the caller's map is not changed");
    Map<String, byte[]> again = s.blobs();
    assertEquals(List.of("bands/district", "other"), List.copyOf(again.keySet()), "same order");
    assertArrayEquals(raw, again.get("bands/district"), "re-encoded to the same bytes");
    assertArrayEquals(new byte[] {1, 2, 3}, again.get("other"));
    assertThrows(UnsupportedOperationException.class, () -> again.remove("other"));
  }
}
