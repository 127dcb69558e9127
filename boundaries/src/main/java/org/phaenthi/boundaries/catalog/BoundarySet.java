package org.phaenthi.boundaries.catalog;

import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.phaenthi.boundaries.Boundaries;
import org.phaenthi.boundaries.coverage.LevelBands;

/**
 * One boundary vintage as an immutable part: its areas with full-detail polygons and the derived
 * data computed once for them (the gap-free bands of each level, by blob name).
 *
 * <p>A band blob is decoded once, on first use ({@link #bands}), and its bytes are then released:
 * the decoded bands are what every request reads, and keeping both copies cost about 170 MiB of
 * heap with the real data. {@link #blobs()} re-encodes a released blob when a store needs the bytes
 * again (publishing the part into a store that does not hold it yet).
 *
 * <p>The blob map given to the constructor is handed over, not copied: its maker builds it for this
 * set alone, and it is iterated once, when a store writes the part (a failure there fails the
 * publish). The set reads it through a read-only view and gives out only read-only maps; the first
 * decode replaces the view by the set's own copy, so the caller's map is never changed.
 *
 * @param id the part version: a hash of what built it (inputs, settings, builder version)
 * @param vintage what the boundaries are, e.g. {@code rtsd-2019} for the bundled RTSD files
 * @param report what building it counted (repairs, areas per level)
 */
public final class BoundarySet {
  private final String id;
  private final String vintage;
  private final Instant createdAt;
  private final Boundaries boundaries;
  private final Map<String, Long> report;

  /** A read-only view of the caller's map until the first decode, then the set's own copy. */
  private Map<String, byte[]> blobs;

  private boolean ownCopy;
  private final Map<String, LevelBands> decoded = new HashMap<>();

  public BoundarySet(
      String id,
      String vintage,
      Instant createdAt,
      Boundaries boundaries,
      Map<String, byte[]> blobs,
      Map<String, Long> report) {
    this.id = Objects.requireNonNull(id, "id");
    PartIds.check(id, PartIds.BOUNDARY);
    this.vintage = vintage;
    this.createdAt = createdAt;
    this.boundaries = boundaries;
    this.blobs = Collections.unmodifiableMap(Objects.requireNonNull(blobs, "blobs"));
    this.report = Collections.unmodifiableMap(new LinkedHashMap<>(report));
  }

  public String id() {
    return id;
  }

  public String vintage() {
    return vintage;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Boundaries boundaries() {
    return boundaries;
  }

  public Map<String, Long> report() {
    return report;
  }

  /** The derived blobs as bytes, in their order (released ones encoded again); read-only. */
  public synchronized Map<String, byte[]> blobs() {
    if (!ownCopy) {
      return Collections.unmodifiableMap(blobs);
    }
    Map<String, byte[]> out = new LinkedHashMap<>();
    blobs.forEach((k, v) -> out.put(k, v != null ? v : decoded.get(k).toBytes()));
    return Collections.unmodifiableMap(out);
  }

  /** The decoded bands stored under this blob name, decoded once; empty when there is none. */
  public synchronized Optional<LevelBands> bands(String blobName) {
    LevelBands b = decoded.get(blobName);
    if (b != null) {
      return Optional.of(b);
    }
    byte[] raw = blobs.get(blobName);
    if (raw == null) {
      return Optional.empty();
    }
    b = LevelBands.fromBytes(raw);
    if (!ownCopy) {
      blobs = new LinkedHashMap<>(blobs); // our own copy, so the bytes can be let go
      ownCopy = true;
    }
    decoded.put(blobName, b);
    blobs.put(blobName, null);
    return Optional.of(b);
  }
}
