package org.phaenthi.boundaries;

import java.time.Instant;
import java.util.Map;
import org.phaenthi.boundaries.indicators.IndicatorData;

/**
 * Everything the server serves, as one immutable unit with one data version. A new import is a new
 * dataset with a new version, so caches keyed by version never serve stale data.
 *
 * @param dataVersion changes whenever any input changes (a content hash)
 * @param blobs derived data persisted as bytes so a warm start does not recompute it, by name (e.g.
 *     the gap-free simplified bands of each level, {@code bands/subdistrict})
 * @param report what the import counted: repairs, remaps, rows not on the map
 */
public record Dataset(
    String dataVersion,
    Instant importedAt,
    Boundaries boundaries,
    IndicatorData indicators,
    Map<String, byte[]> blobs,
    LoadReport report) {}
