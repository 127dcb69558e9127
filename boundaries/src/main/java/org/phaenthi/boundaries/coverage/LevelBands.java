package org.phaenthi.boundaries.coverage;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.phaenthi.boundaries.AdminLevel;

/**
 * The per-zoom-band simplified coverage of one admin level. Immutable and thread-safe.
 *
 * <p>Geometry is in Web Mercator metres; {@link BandGeometry#areasLonLat()} gives lon/lat. Build
 * with {@link CoverageBandBuilder}; persist with {@link #toBytes()} and {@link #fromBytes(byte[])}
 * or row by row from {@link #bands()}.
 */
public final class LevelBands {
  private final AdminLevel level;
  private final List<BandGeometry> bands;

  /**
   * @param bands sorted by zoom, contiguous from z0 (see {@link ZoomBands#checked(List)})
   */
  public LevelBands(AdminLevel level, List<BandGeometry> bands) {
    this.level = Objects.requireNonNull(level, "level");
    this.bands = List.copyOf(bands);
    ZoomBands.checked(zoomBands());
  }

  public AdminLevel level() {
    return level;
  }

  public List<BandGeometry> bands() {
    return bands;
  }

  public List<ZoomBand> zoomBands() {
    List<ZoomBand> out = new ArrayList<>(bands.size());
    bands.forEach(b -> out.add(b.band()));
    return out;
  }

  /**
   * The band to draw at a zoom. Zooms beyond the last band get the last (most detailed) band, since
   * no finer data exists.
   *
   * @throws IllegalArgumentException for a negative zoom or one above {@link ZoomBands#MAX_ZOOM}
   */
  public BandGeometry bandFor(int zoom) {
    if (zoom < 0 || zoom > ZoomBands.MAX_ZOOM) {
      throw new IllegalArgumentException("zoom " + zoom + " outside 0-" + ZoomBands.MAX_ZOOM);
    }
    for (BandGeometry b : bands) {
      if (b.band().contains(zoom)) {
        return b;
      }
    }
    return bands.get(bands.size() - 1);
  }

  /** Deterministic binary form: a small header, then codes and WKB (see {@link BandCodec}). */
  public byte[] toBytes() {
    return BandCodec.write(this);
  }

  /**
   * Reads what {@link #toBytes()} wrote.
   *
   * @throws IllegalArgumentException if the bytes are not a LevelBands of a known format version
   */
  public static LevelBands fromBytes(byte[] bytes) {
    return BandCodec.read(bytes);
  }
}
