package org.phaenthi.boundaries.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.catalog.BoundarySet;
import org.phaenthi.boundaries.catalog.Publication;
import org.phaenthi.boundaries.catalog.ValueSet;
import org.phaenthi.boundaries.indicators.IndicatorValue;

/**
 * What every {@link Store} must do. A subclass provides a fresh, empty location per test; {@link
 * #open()} opens it (again) so durability across reopen is checked too.
 */
abstract class StoreContract {

  /** Opens the store at this test's location; called more than once per test. */
  protected abstract Store open();

  /** A secret in the store's location (a password), or null when there is none. */
  protected abstract String secret();

  @Test
  void emptyStoreHasNoPublication() {
    try (Store s = open()) {
      assertEquals(Optional.empty(), s.current());
      assertEquals(Optional.empty(), s.dataVersion());
      assertEquals(List.of(), s.publications());
      assertThrows(IllegalStateException.class, s::load);
      assertThrows(IllegalArgumentException.class, () -> s.load(1));
      assertTrue(s.available());
    }
  }

  @Test
  void publishThenLoadRoundTripsEverything() {
    Dataset v1 = TestDatasets.first("v1-aaaa");
    try (Store s = open()) {
      Publication p = s.publish(v1.asDraft("สมชาย (token 65)", "จปฐ. 2561 ครั้งแรก"));
      assertEquals(1, p.id());
      assertEquals(v1.dataVersion(), p.dataVersion(), "the version is the parts' version");
      assertEquals(Optional.of(p), s.current());
      TestDatasets.assertSame(v1, s.load());
    }
    try (Store s = open()) {
      TestDatasets.assertSame(v1, s.load());
      Publication p = s.current().orElseThrow();
      assertEquals("สมชาย (token 65)", p.who());
      assertEquals("จปฐ. 2561 ครั้งแรก", p.note());
      assertNull(p.republishOf());
    }
  }

  @Test
  void aVillageLevelWithoutGeometryRoundTripsWithItsLevels() {
    Dataset v = TestDatasets.withVillages("villages-1");
    try (Store s = open()) {
      s.publish(v.asDraft("a", "villages"));
    }
    try (Store s = open()) {
      Dataset got = s.load();
      TestDatasets.assertSame(v, got);
      AdminLevel village = got.boundaries().levels().byName("village").orElseThrow();
      assertEquals(AdminLevel.GeometryKind.NONE, village.geometry());
      assertEquals(10, village.codeLength());
      assertEquals(AdminLevel.SUBDISTRICT, village.parent().orElseThrow());
      assertEquals(
          List.of("province", "district", "subdistrict", "village"),
          got.boundaries().levels().urlNames());
      assertEquals(4, got.boundaries().count(village));
      assertNull(got.boundaries().area("8301010201").orElseThrow().geometry());
      assertEquals("บ้านหนึ่ง (02)", got.boundaries().area("8301010102").orElseThrow().nameTh());
      Map<String, IndicatorValue> values =
          got.indicators()
              .values(
                  new org.phaenthi.boundaries.indicators.SurveyYear(2561), village, "bmn-2560:16")
              .orElseThrow();
      assertEquals(90.0, values.get("8301010101").value());
      assertNull(values.get("8301010102").value(), "missing stays missing, not 0");
      assertNull(values.get("8301010201"), "a village without a value has no entry");
    }
  }

  @Test
  void aBoundarySetsTilePyramidIsKeptBesideItAcrossReopenAndCanBeReplaced() {
    Dataset v1 = TestDatasets.first("v1-aaaa");
    String b = v1.boundaryVersion();
    byte[] tiles = {1, 2, 3, 0, -1, 42};
    byte[] deeper = {1, 2, 3, 0, -1, 42, 7, 7};
    try (Store s = open()) {
      s.publish(v1.asDraft("test", "first"));
      assertEquals(Optional.empty(), s.tilePyramid(b), "none before one is stored");
      s.putTilePyramid(b, tiles);
      assertTrue(java.util.Arrays.equals(tiles, s.tilePyramid(b).orElseThrow()));
      s.putTilePyramid(b, deeper);
      assertTrue(
          java.util.Arrays.equals(deeper, s.tilePyramid(b).orElseThrow()),
          "a deeper pyramid replaces the stored one");
      assertThrows(
          IllegalArgumentException.class, () -> s.putTilePyramid("b-0000000000000000", tiles));
    }
    try (Store s = open()) {
      assertTrue(java.util.Arrays.equals(deeper, s.tilePyramid(b).orElseThrow()), "after reopen");
      TestDatasets.assertSame(v1, s.load());
    }
  }

  @Test
  void historyListsEveryPublicationAndTheNewestIsServed() {
    Dataset v2 = TestDatasets.second("v2-bbbb");
    try (Store s = open()) {
      s.publish(TestDatasets.first("v1-aaaa").asDraft("a", "first"));
      s.publish(v2.asDraft("b", "second"));
      assertEquals(List.of(1L, 2L), s.publications().stream().map(Publication::id).toList());
      assertEquals(List.of("a", "b"), s.publications().stream().map(Publication::who).toList());
      Dataset got = s.load();
      TestDatasets.assertSame(v2, got);
      assertEquals(0, got.boundaries().count(AdminLevel.SUBDISTRICT));
    }
    try (Store s = open()) {
      assertEquals(2, s.publications().size());
      TestDatasets.assertSame(TestDatasets.first("v1-aaaa"), s.load(1));
    }
  }

  @Test
  void rollbackPublishesTheEarlierPartsAgainAsANewPublication() {
    Dataset v1 = TestDatasets.first("v1-aaaa");
    try (Store s = open()) {
      Publication p1 = s.publish(v1.asDraft("a", "first"));
      s.publish(TestDatasets.second("v2-bbbb").asDraft("b", "a bad upload"));
      Publication p3 = s.republish(1, "admin", "roll back the bad upload");
      assertEquals(3, p3.id());
      assertEquals(1L, p3.republishOf());
      assertEquals(p1.parts(), p3.parts());
      assertEquals(p1.dataVersion(), p3.dataVersion(), "same parts, same version and ETags");
      TestDatasets.assertSame(v1, s.load());
      assertThrows(IllegalArgumentException.class, () -> s.republish(99, "x", "y"));
      assertEquals(3, s.publications().size());
    }
    try (Store s = open()) {
      assertEquals(3, s.current().orElseThrow().id());
      TestDatasets.assertSame(v1, s.load());
    }
  }

  @Test
  void newValuesKeepTheBoundarySetAndItsVersion() {
    Dataset v1 = TestDatasets.first("v1-aaaa");
    Dataset v2 = TestDatasets.newValues(v1, "v2-values");
    assertEquals(v1.boundaryVersion(), v2.boundaryVersion());
    try (Store s = open()) {
      s.publish(v1.asDraft("a", "first"));
      s.publish(v2.asDraft("a", "new values"));
      Dataset got = s.load();
      assertEquals(v1.boundaryVersion(), got.boundaryVersion());
      assertNotEquals(v1.dataVersion(), got.dataVersion());
      TestDatasets.assertSame(v2, got);
      Optional<BoundarySet> held = s.boundarySet(v1.boundaryVersion());
      assertTrue(held.isPresent(), "the held boundary set can be reused by an import");
      assertEquals(Optional.empty(), s.boundarySet("b-0000000000000000"));
    }
  }

  @Test
  void failedPublishKeepsThePreviousPublication() {
    Dataset v1 = TestDatasets.first("v1-aaaa");
    try (Store s = open()) {
      s.publish(v1.asDraft("a", "first"));
      // Fails half way through the boundary set: its blobs throw after the first.
      Dataset broken = withBlobs(TestDatasets.second("v2-bbbb"), failingBlobs());
      assertThrows(IllegalStateException.class, () -> s.publish(broken.asDraft("b", "broken")));
      assertEquals(1, s.publications().size());
      TestDatasets.assertSame(v1, s.load());
      // Fails in the last part, after the boundary and indicator sets were written.
      Dataset tooLong = withOverlongIndicatorCode(TestDatasets.second("v3-cccc"));
      assertThrows(IllegalStateException.class, () -> s.publish(tooLong.asDraft("c", "long")));
      assertEquals(1, s.publications().size());
      TestDatasets.assertSame(v1, s.load());
    }
    try (Store s = open()) {
      assertEquals(1, s.publications().size());
      TestDatasets.assertSame(v1, s.load());
    }
  }

  @Test
  void concurrentReadersSeeTheOldOrTheNewPublicationNeverAMix() throws Exception {
    Dataset v1 = TestDatasets.first("v1-aaaa");
    Dataset v2 = TestDatasets.second("v2-bbbb");
    try (Store s = open()) {
      s.publish(v1.asDraft("a", "first"));
      AtomicBoolean stop = new AtomicBoolean();
      ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
      ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
      List<Thread> readers = new ArrayList<>();
      for (int t = 0; t < 3; t++) {
        Thread r =
            new Thread(
                () -> {
                  while (!stop.get()) {
                    try {
                      Dataset d = s.load();
                      Dataset want = d.dataVersion().equals(v1.dataVersion()) ? v1 : v2;
                      TestDatasets.assertSame(want, d);
                      seen.add(d.dataVersion());
                    } catch (Throwable e) {
                      errors.add(e);
                    }
                  }
                });
        r.start();
        readers.add(r);
      }
      Thread.sleep(100);
      s.publish(v2.asDraft("b", "second"));
      Thread.sleep(200);
      stop.set(true);
      for (Thread r : readers) {
        r.join();
      }
      assertEquals(List.of(), List.copyOf(errors), "every load was one whole publication");
      assertTrue(seen.contains(v1.dataVersion()) && seen.contains(v2.dataVersion()), "both seen");
    }
  }

  @Test
  void describeNeverShowsTheSecret() {
    try (Store s = open()) {
      String d = s.describe();
      assertFalse(d.isBlank());
      assertFalse(d.toLowerCase(java.util.Locale.ROOT).contains("password="), d);
      if (secret() != null) {
        assertFalse(d.contains(secret()), d);
      }
    }
  }

  /** The dataset with one more value set whose indicator code no store accepts (too long). */
  private static Dataset withOverlongIndicatorCode(Dataset d) {
    ValueSet last = d.valueSets().get(d.valueSets().size() - 1);
    var levels = new TreeMap<AdminLevel, Map<String, Map<String, IndicatorValue>>>();
    levels.putAll(last.values());
    var byIndicator = new HashMap<>(levels.get(AdminLevel.DISTRICT));
    byIndicator.put("x".repeat(80), Map.of());
    levels.put(AdminLevel.DISTRICT, byIndicator);
    ValueSet bad =
        new ValueSet(
            "v-ffffffffffffffff",
            last.indicatorSet(),
            last.year(),
            last.createdAt(),
            levels,
            Map.of());
    List<ValueSet> all = new ArrayList<>(d.valueSets());
    all.add(bad);
    Publication p = d.publication();
    return new Dataset(
        new Publication(
            0,
            p.publishedAt(),
            p.boundarySet(),
            p.indicatorSets(),
            all.stream().map(ValueSet::id).toList(),
            "x",
            "x",
            null,
            null),
        d.boundarySet(),
        d.indicatorSets(),
        all);
  }

  private static Dataset withBlobs(Dataset d, Map<String, byte[]> blobs) {
    BoundarySet b = d.boundarySet();
    return new Dataset(
        d.publication(),
        new BoundarySet(b.id(), b.vintage(), b.createdAt(), b.boundaries(), blobs, b.report()),
        d.indicatorSets(),
        d.valueSets());
  }

  /** A blob map that throws while being written, after the first entry. */
  private static Map<String, byte[]> failingBlobs() {
    return new AbstractMap<>() {
      @Override
      public Set<Entry<String, byte[]>> entrySet() {
        return new AbstractSet<>() {
          @Override
          public Iterator<Entry<String, byte[]>> iterator() {
            return new Iterator<>() {
              int n;

              @Override
              public boolean hasNext() {
                return true;
              }

              @Override
              public Entry<String, byte[]> next() {
                if (n++ > 0) {
                  throw new IllegalStateException("simulated failure half way through a publish");
                }
                return Map.entry("bands/x", new byte[] {1});
              }
            };
          }

          @Override
          public int size() {
            return 2;
          }
        };
      }
    };
  }
}
