package org.phaenthi.boundaries.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Dataset;
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
  void emptyStoreHasNoVersion() {
    try (Store s = open()) {
      assertEquals(Optional.empty(), s.dataVersion());
      assertThrows(IllegalStateException.class, s::load);
      assertTrue(s.available());
    }
  }

  @Test
  void replaceThenLoadRoundTripsEverything() {
    Dataset v1 = TestDatasets.first("v1-aaaa");
    try (Store s = open()) {
      s.replace(v1);
      assertEquals(Optional.of("v1-aaaa"), s.dataVersion());
      TestDatasets.assertSame(v1, s.load());
    }
    try (Store s = open()) {
      TestDatasets.assertSame(v1, s.load());
    }
  }

  @Test
  void replaceAgainReplacesEverything() {
    Dataset v2 = TestDatasets.second("v2-bbbb");
    try (Store s = open()) {
      s.replace(TestDatasets.first("v1-aaaa"));
      s.replace(v2);
      assertEquals(Optional.of("v2-bbbb"), s.dataVersion());
      Dataset got = s.load();
      TestDatasets.assertSame(v2, got);
      assertEquals(0, got.boundaries().count(AdminLevel.SUBDISTRICT));
    }
  }

  @Test
  void failedReplaceKeepsThePreviousVersion() {
    Dataset v1 = TestDatasets.first("v1-aaaa");
    try (Store s = open()) {
      s.replace(v1);
      // Fails half way: areas, indicators and values are written, then the blobs throw.
      Dataset broken = withBlobs(TestDatasets.second("v2-bbbb"), failingBlobs());
      assertThrows(IllegalStateException.class, () -> s.replace(broken));
      assertEquals(Optional.of("v1-aaaa"), s.dataVersion());
      TestDatasets.assertSame(v1, s.load());
      // Fails inside the database: an indicator code longer than the column allows.
      Dataset tooLong = withOverlongIndicatorCode(TestDatasets.second("v3-cccc"));
      assertThrows(IllegalStateException.class, () -> s.replace(tooLong));
      TestDatasets.assertSame(v1, s.load());
    }
    try (Store s = open()) {
      assertEquals(Optional.of("v1-aaaa"), s.dataVersion());
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

  private static Dataset withOverlongIndicatorCode(Dataset d) {
    var values = new java.util.HashMap<>(d.indicators().all());
    var year = values.keySet().iterator().next();
    var levels =
        new java.util.EnumMap<AdminLevel, Map<String, Map<String, IndicatorValue>>>(
            AdminLevel.class);
    levels.putAll(values.get(year));
    var byIndicator = new java.util.HashMap<>(levels.get(AdminLevel.DISTRICT));
    byIndicator.put("x".repeat(80), Map.of());
    levels.put(AdminLevel.DISTRICT, byIndicator);
    values.put(year, levels);
    var data =
        new org.phaenthi.boundaries.indicators.IndicatorData(
            d.indicators().indicators(), List.copyOf(d.indicators().years().values()), values);
    return new Dataset(
        d.dataVersion(), d.importedAt(), d.boundaries(), data, d.blobs(), d.report());
  }

  private static Dataset withBlobs(Dataset d, Map<String, byte[]> blobs) {
    return new Dataset(
        d.dataVersion(), d.importedAt(), d.boundaries(), d.indicators(), blobs, d.report());
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
                  throw new IllegalStateException("simulated failure half way through an import");
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
