package org.phaenthi.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.phaenthi.boundaries.Dataset;

/** The served data is read by everyone it is shared with and swapped by the one claimant. */
class LiveDataTest {
  @Test
  void theSwapIsClaimedOnceAndCallsTheListenersAfterTheSwap() {
    Dataset first = TestServers.dataset();
    Dataset second =
        Dataset.of(
            "livedata-2",
            first.importedAt(),
            first.boundaries(),
            first.indicators(),
            first.blobs(),
            first.report());
    LiveData live = new LiveData(first);
    List<String> seen = new ArrayList<>();
    live.onReplace(s -> seen.add(s.version() + " " + live.snapshot().version()));
    Consumer<Dataset> swap = live.claimSwap();
    assertThrows(IllegalStateException.class, live::claimSwap, "a second claimant is refused");
    assertSame(first, live.snapshot().dataset());
    swap.accept(second);
    assertSame(second, live.snapshot().dataset());
    String v2 = second.dataVersion();
    assertEquals(List.of(v2 + " " + v2), seen, "listeners run after the swap, with the new data");
  }
}
